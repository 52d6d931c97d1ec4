import { MAX_QUERY_LENGTH, MAX_TERMS } from "./parser";

/**
 * The search help, as data: the help page renders it, and a test checks that every
 * operator the parser knows is listed and that every example parses.
 */
export interface OperatorHelp {
  /** How it is written, e.g. `from:ADDRESS`. */
  syntax: string;
  /** Other spellings (patchew's, lore's). */
  aliases: string[];
  meaning: string;
  /** A query a user could type; the help page links it to the series list. */
  example: string;
}

export const OPERATOR_HELP: OperatorHelp[] = [
  {
    syntax: "WORD",
    aliases: [],
    meaning: "the series title contains the text, or its words (fixes finds fix)",
    example: "lchown",
  },
  {
    syntax: '"EXACT PHRASE"',
    aliases: [],
    meaning: "the series title contains the phrase as written",
    example: '"new API"',
  },
  {
    syntax: "subject:TEXT",
    aliases: ["s:"],
    meaning: "the subject, prefixes included, contains the text",
    example: 'subject:"Convert to new API"',
  },
  {
    syntax: "from:ADDRESS",
    aliases: ["f:"],
    meaning: "the series author's name or address contains the text",
    example: "from:pvorel@suse.cz",
  },
  {
    syntax: "to:ADDRESS",
    aliases: ["t:"],
    meaning: "the cover letter or a patch was sent To or Cc this name or address",
    example: "to:ltp@lists.linux.it",
  },
  {
    syntax: "cc:ADDRESS",
    aliases: ["c:"],
    meaning: "the cover letter or a patch has this name or address in Cc",
    example: "cc:linux-kernel",
  },
  {
    syntax: "project:NAME",
    aliases: [],
    meaning: "series of the project, or of its subprojects",
    example: "project:ltp",
  },
  {
    syntax: "id:MESSAGE-ID",
    aliases: ["msgid:", "m:", "rfc822msgid:"],
    meaning: "the series holds the message (cover, patch or reply); angle brackets optional",
    example: "id:<20260203022719.226064-1-liwang@redhat.com>",
  },
  {
    syntax: "is:reviewed",
    aliases: ["+reviewed"],
    meaning: "every patch has a Reviewed-by or Acked-by from someone other than the author",
    example: "is:reviewed",
  },
  {
    syntax: "is:complete",
    aliases: ["+complete"],
    meaning: "every patch of the series has arrived",
    example: "-is:complete",
  },
  {
    syntax: "is:obsolete",
    aliases: ["is:obsoleted", "is:old"],
    meaning: "a newer version of the series was posted",
    example: "-is:obsolete",
  },
  {
    syntax: "is:merged",
    aliases: [],
    meaning: "the series is in the project's upstream branch",
    example: "is:merged",
  },
  { syntax: "is:rfc", aliases: [], meaning: "the series is marked RFC", example: "is:rfc" },
  { syntax: "is:pull", aliases: [], meaning: "the series is a pull request", example: "is:pull" },
  {
    syntax: "not:STATE",
    aliases: ["-STATE"],
    meaning: "patchew's spelling of -is:STATE: not:obsolete is -is:obsolete",
    example: "not:obsolete",
  },
  {
    syntax: "has:replies",
    aliases: [],
    meaning: "somebody replied to the series",
    example: "-has:replies",
  },
  {
    syntax: "age:>N[dwmy]",
    aliases: [">N[dwmy]", "age:N[dwmy]"],
    meaning: "last activity older than N days, weeks, months (30 days) or years (365 days)",
    example: "age:>2w",
  },
  {
    syntax: "age:<N[dwmy]",
    aliases: ["<N[dwmy]"],
    meaning: "last activity within the last N days, weeks, months or years",
    example: "age:<3d",
  },
  {
    syntax: "version:N",
    aliases: [],
    meaning: "the series is version N; also version:>N, >=, <, <=",
    example: "version:>2",
  },
  {
    syntax: "reviewed-by:PERSON",
    aliases: [],
    meaning: "a patch has a Reviewed-by whose name or address contains the text",
    example: "reviewed-by:chrubis",
  },
  {
    syntax: "acked-by:PERSON",
    aliases: [],
    meaning: "a patch has an Acked-by whose name or address contains the text",
    example: "acked-by:jstancek",
  },
  {
    syntax: "b:TEXT",
    aliases: [],
    meaning: "words in the body of any message of the series (cover, patches, replies)",
    example: 'b:"memory leak"',
  },
  {
    syntax: "nq:TEXT",
    aliases: [],
    meaning: "like b:, but only in lines that do not start with > (not quoted)",
    example: "nq:NACK",
  },
  {
    syntax: "dfn:PATH",
    aliases: [],
    meaning: "a patch touches a file whose path contains the text",
    example: "dfn:lib/tst_test.c",
  },
  {
    syntax: "dfb:TEXT",
    aliases: [],
    meaning: "an added line of a patch contains the text (at least 3 characters)",
    example: "dfb:TST_EXP_PASS",
  },
];

export interface SyntaxHelp {
  syntax: string;
  meaning: string;
  example: string;
}

export const SYNTAX_HELP: SyntaxHelp[] = [
  { syntax: "A B", meaning: "both A and B (terms are ANDed)", example: "from:pvorel is:reviewed" },
  {
    syntax: "{A B}",
    meaning: "A or B, any of the terms in braces",
    example: "{is:rfc is:pull}",
  },
  {
    syntax: "(A B)",
    meaning: "A and B, for an AND inside braces",
    example: "{(from:chrubis is:rfc) is:pull}",
  },
  { syntax: "-A  !A", meaning: "not A (+A is A)", example: "-is:obsolete !has:replies" },
  {
    syntax: 'op:"two words"',
    meaning: 'quotes keep spaces and colons in a value; \\" is a quote inside quotes',
    example: 'b:"Reviewed-by: Cyril"',
  },
];

export const LIMITS_HELP = [
  `A search has at most ${MAX_QUERY_LENGTH} characters and ${MAX_TERMS} terms.`,
  "Text searches ignore case and match parts of words (lchown finds lchown01), except b: and nq:, which match whole words. Message-IDs and project names match exactly.",
];
