/**
 * A MAINTAINERS file in the format read by get_maintainer.pl (Linux, QEMU, Xen), parsed
 * once with every pattern compiled. See parse.ts for the reading rules and match.ts for
 * the answer's order.
 */

/** Which get_maintainer.pl's output to reproduce; the projects' scripts differ slightly. */
export type MaintainersDialect = "qemu" | "xen";

export interface DialectRules {
  /** `--remove-duplicates`: a person is listed once per name or address (QEMU's default). */
  removeDuplicates: boolean;
  /** Xen's `--drop_the_rest_supporter`: drop THE REST's people when a specific section matched. */
  dropTheRestSupporter: boolean;
  /** R: people get `reviewer:<section>` (QEMU) instead of plain `reviewer` (Xen). */
  reviewerRoleWithSection: boolean;
  /** A cut section title loses its parentheses (QEMU, since October 2023). */
  stripParensInCutTitle: boolean;
  /** `N:` regexes on the path take part (Xen's script reads them; QEMU's ignores them). */
  pathRegexes: boolean;
  /** Patch files are also named by `diff --git`, `---`, `rename from/to` and `mode change` lines (Xen). */
  extendedPatchFiles: boolean;
  /** Entry lines are `<one character>:` (QEMU's `\C`) or only `<A-Z>:` (Xen). */
  entryTypeIsUpperCase: boolean;
}

/** A compiled F:/X: pattern. */
export interface FilePattern {
  /** The pattern as written after `F:`. */
  source: string;
  /** The regex text get_maintainer.pl builds from it (`.` → `\.`, `*` → `.*`, `?` → `.`, braces → `(a|b)`). */
  regex: string;
  test: RegExp;
  /** Plain-text pattern (no regex syntax left): compared with startsWith instead of the regex. */
  literal: string | null;
  /** Fixed leading characters every match starts with (used by the index). */
  prefix: string;
  /** Ends with `/`: matches everything below at any depth. */
  recursive: boolean;
  /** Number of `/` in the regex text: a non-recursive pattern matches only paths with as many. */
  slashes: number;
  /** get_maintainer.pl's specificity: slashes, +1 without a trailing `/`, -1 when it starts with `*`. */
  depth: number;
  /** Position among the section's entries: of several matching F: lines, the last one counts. */
  order: number;
}

export interface Person {
  /** Display name as written, without quotes; "" when the line has none. */
  name: string;
  email: string;
}

export interface MailingList {
  email: string;
  /** The text after the address (`moderated for non-subscribers`, `subscribers-only`, …). */
  note: string;
  /** A display name given before the address (`L: Name <list@host>`). */
  name: string;
}

export interface Section {
  /** 0-based position in the file. */
  index: number;
  /** The line before the section's first entry, as written (trailing blanks kept). */
  title: string;
  /** The title as get_maintainer.pl prints it in roles (cut to 20 characters). */
  label: string;
  /** The last `S:` value as written, or null. */
  status: string | null;
  /** get_maintainer.pl's word for the status: supporter, maintainer, odd fixer, orphan minder, … */
  statusRole: string;
  /** M: and R: in file order. */
  people: { kind: "maintainer" | "reviewer"; person: Person }[];
  lists: MailingList[];
  files: FilePattern[];
  excludes: FilePattern[];
  /** N: regexes on the path, in file order, with their order among the F: lines. */
  pathRegexes: { source: string; test: RegExp | null; order: number }[];
  keywords: { source: string; test: RegExp | null; order: number }[];
  trees: string[];
  web: string[];
  other: { type: string; value: string }[];
  /** Line number (1-based) of the first entry. */
  line: number;
}

export interface MaintainersFile {
  dialect: MaintainersDialect;
  rules: DialectRules;
  sections: Section[];
  /** Keyword (K:) patterns in get_maintainer.pl's order (see match.ts), with their section. */
  keywords: CompiledKeyword[];
  /** Patterns that could not be turned into a regex (they never match), for diagnostics. */
  invalid: { line: number; type: string; value: string; reason: string }[];
  /** Internal lookup structure built by pattern-index.ts. */
  index: import("./pattern-index").PatternIndex;
}

export interface CompiledKeyword {
  section: number;
  source: string;
  /** For lines before the first `+++ ` line (mail headers, commit message). */
  test: RegExp | null;
  /** For later lines: the script prefixes the keyword with `^[+-].*`. */
  testInDiff: RegExp | null;
  /** The string form of the K: line's index among the non-blank lines: the script's sort key. */
  sortKey: string;
}

export const MAINTAINER_ROLES = ["maintainer", "reviewer", "list"] as const;
/** series_responsible.role (constraint series_responsible_role_check, migration 20261129090000_state_checks). */
export type MaintainerRole = (typeof MAINTAINER_ROLES)[number];

/** One line of the answer, most relevant first. */
export interface MaintainerEntry {
  /** Display name, "" when the line gives only an address. */
  name: string;
  email: string;
  role: MaintainerRole;
  /** Full title of the section that named this person or list. */
  section: string;
  /** That section's `S:` value as written (`Maintained`, `Odd Fixes`, `Orphan`, …). */
  status?: string;
  /** get_maintainer.pl's role text: `maintainer:ARM TCG CPUs`, `reviewer:…`, `open list:…`. */
  label: string;
  /** Found by a file pattern, or by a K: keyword in the patch text. */
  via: "file" | "keyword";
}

export interface ParseOptions {
  /** Defaults to "xen" when THE REST carries `V: xen-maintainers-…`, otherwise "qemu". */
  dialect?: MaintainersDialect;
  /**
   * Directories of the project's tree. get_maintainer.pl adds a `/` to an F:/X: value that
   * names an existing directory (tested on the value after its glob rewriting), which makes
   * it recursive; without this, such a value is a prefix pattern.
   */
  directories?: Iterable<string> | ((value: string) => boolean);
}
