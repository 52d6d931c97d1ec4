import {
  type AgeUnit,
  type Comparison,
  HAS_VALUES,
  type HasValue,
  type Query,
  type State,
  STATES,
  type Term,
  type TextField,
} from "./ast";
import { lex, type Token } from "./lexer";

/**
 * The search language (help: lib/query/help.ts), compatible with patchew's where they
 * overlap (patchew api/search.py): terms are ANDed, `{a b}` is an OR group, `(a b)` an
 * AND group, `!`/`-` negate, `+X`/`-X`/`not:X` are shortcuts for `is:X`/`-is:X`, a bare
 * `>2w` is `age:>2w`, `id:<msgid>` loses its brackets. Errors are values with the
 * position (0-based character index) of the faulty token.
 *
 * Where we depart from patchew, and why:
 * - A bad search is an error naming the problem and its position. patchew's parser
 *   turns any unparsable search (a typo such as `form:bob`, an unknown `is:` value)
 *   into a search that matches nothing, which looks like "no such series".
 * - patchew's help says age is the age of "the message"; its parser compares the
 *   series date. We compare the series' last activity: a series still discussed is
 *   not old. `age:2w` without a comparison still means older than, as in patchew.
 * - `id:` finds the series of any of its messages, replies included; patchew only looks
 *   at series heads, so a reply's Message-ID found nothing.
 * - `to:` keeps patchew's meaning (To or Cc: its "recipients"), of the cover letter and
 *   patches rather than the head mail alone; `cc:` (Cc only) is new.
 * - Free text matches the title by substring as well as by words (patchew: English
 *   full-text only), so identifiers such as `lchown01` or `tst_test` are found.
 *   `subject:` is a substring of the whole subject, prefixes included (`subject:for-10.0`);
 *   patchew made it one more full-text keyword.
 * - `is:pull` uses the pull-request flag series assembly derived, not a "[PULL" substring.
 * - patchew's `has:NAME` tests a property of that name; only `has:replies` exists here.
 * - Not here (yet): patchew's per-user and CI operators (`maintained-by:`, `queue:`,
 *   `ack:`, `success:`, `is:applied`, `is:tested`...): they are refused as unknown.
 * - Added: lore's `b:` `nq:` `dfn:` `dfb:` (and its `s:` `f:` `t:` `c:` `m:` spellings),
 *   `reviewed-by:`, `acked-by:`, `version:`.
 */

/** A search arrives in a URL; longer than this is not something a person typed. */
export const MAX_QUERY_LENGTH = 1000;
/** Each term becomes a condition (many of them a subquery): this bounds the SQL planned. */
export const MAX_TERMS = 40;
/** Bounds the recursion of the parser and of to-sql on nested groups. */
export const MAX_DEPTH = 10;
/** `dfb:` scans added lines through a trigram index, which needs three characters. */
export const MIN_DIFF_TEXT = 3;

export type ParseResult = { ok: true; query: Query } | { ok: false; message: string; position: number };

/** Operator names (lower case) and what they search; patchew's and lore's spellings both work. */
export const TEXT_OPERATORS: Record<string, TextField> = {
  from: "from",
  f: "from",
  to: "to",
  t: "to",
  cc: "cc",
  c: "cc",
  subject: "subject",
  s: "subject",
  project: "project",
  id: "id",
  msgid: "id",
  m: "id",
  rfc822msgid: "id",
  "reviewed-by": "reviewed-by",
  "acked-by": "acked-by",
  b: "body",
  nq: "nq",
  dfn: "dfn",
  dfb: "dfb",
};
export const OTHER_OPERATORS = ["is", "not", "has", "age", "version"] as const;

/** patchew accepts these spellings of `is:obsolete`. */
const STATE_ALIASES: Record<string, State> = { obsoleted: "obsolete", old: "obsolete" };
/** Written by the applier and testers, later stages: named in the error so nobody thinks it a typo. */
const LATER_STATES = ["applied", "tested"];

class QueryError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

export function parseQuery(text: string): ParseResult {
  if (text.length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      message: `a search is limited to ${MAX_QUERY_LENGTH} characters (this one has ${text.length})`,
      position: MAX_QUERY_LENGTH,
    };
  }
  const lexed = lex(text);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, query: new Parser(lexed.tokens).parseAll() };
  } catch (error) {
    if (error instanceof QueryError) return { ok: false, message: error.message, position: error.position };
    throw error;
  }
}

class Parser {
  private i = 0;
  private count = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Query {
    const terms: Term[] = [];
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i]!;
      if (t.kind === "close") throw new QueryError(`'${t.char}' closes no group`, t.position);
      terms.push(this.term(0));
    }
    return { terms };
  }

  private term(depth: number): Term {
    const t = this.tokens[this.i++]!;
    if (++this.count > MAX_TERMS) {
      throw new QueryError(`a search may have at most ${MAX_TERMS} terms`, t.position);
    }
    if (depth > MAX_DEPTH) throw new QueryError(`groups nest at most ${MAX_DEPTH} deep`, t.position);
    if (t.kind === "prefix") return this.prefixed(t.char, t.position, depth);
    if (t.kind === "open") return this.group(t.char, t.position, depth);
    if (t.kind === "close") throw new QueryError(`'${t.char}' closes no group`, t.position);
    return wordTerm(t);
  }

  private prefixed(char: "-" | "!" | "+", position: number, depth: number): Term {
    const next = this.tokens[this.i]!;
    // patchew: `+reviewed` is is:reviewed and `-reviewed` not:reviewed; other words are keywords.
    if (next.kind === "word" && next.field === null && !next.quoted) {
      const state = knownState(next.value);
      if (state) {
        this.i++;
        const is: Term = { type: "is", state, position };
        return char === "+" ? is : { type: "not", term: is, position };
      }
    }
    if (next.kind === "prefix")
      throw new QueryError(`'${char}' cannot be followed by '${next.char}'`, next.position);
    const term = this.term(depth + 1);
    return char === "+" ? term : { type: "not", term, position };
  }

  private group(open: "{" | "(", position: number, depth: number): Term {
    const close = open === "{" ? "}" : ")";
    const terms: Term[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (t === undefined) throw new QueryError(`this '${open}' is never closed`, position);
      if (t.kind === "close") {
        if (t.char !== close) throw new QueryError(`'${t.char}' where '${close}' was expected`, t.position);
        this.i++;
        break;
      }
      terms.push(this.term(depth + 1));
    }
    if (terms.length === 0) throw new QueryError(`empty group '${open}${close}'`, position);
    if (terms.length === 1) return terms[0]!;
    return open === "{" ? { type: "or", terms, position } : { type: "and", terms, position };
  }
}

function knownState(value: string): State | null {
  const v = value.toLowerCase();
  if ((STATES as readonly string[]).includes(v)) return v as State;
  return STATE_ALIASES[v] ?? null;
}

function wordTerm(t: Extract<Token, { kind: "word" }>): Term {
  const position = t.position;
  if (t.field === null) {
    if (/^[<>]/.test(t.value) && !t.quoted) return ageTerm(t.value, position);
    if (t.quoted && t.value.trim() === "") throw new QueryError("empty quotes", position);
    return { type: "text", field: "text", value: t.value, phrase: t.quoted, position };
  }
  const name = t.field.toLowerCase();
  const value = t.value;
  if (value === "" && !t.quoted) {
    throw new QueryError(`'${t.field}:' needs a value right after the colon`, position);
  }
  const textField = TEXT_OPERATORS[name];
  if (textField) return textTerm(textField, value, t.quoted, position);
  switch (name) {
    case "is":
    case "not": {
      const state = knownState(value);
      if (!state) throw new QueryError(unknownState(value), position + name.length + 1);
      const is: Term = { type: "is", state, position };
      return name === "is" ? is : { type: "not", term: is, position };
    }
    case "has": {
      const v = value.toLowerCase();
      if (!(HAS_VALUES as readonly string[]).includes(v)) {
        throw new QueryError(
          `unknown 'has:${value}'; known: ${HAS_VALUES.map((h) => `has:${h}`).join(", ")}`,
          position + 4,
        );
      }
      return { type: "has", what: v as HasValue, position };
    }
    case "age":
      return ageTerm(value, position, 4);
    case "version":
      return versionTerm(value, position);
  }
  throw new QueryError(
    `unknown operator '${t.field}:' (see the search help); to search for text with a colon, put it in quotes`,
    position,
  );
}

function unknownState(value: string): string {
  const known = STATES.map((s) => `is:${s}`).join(", ");
  const later = LATER_STATES.includes(value.toLowerCase()) ? ` ('is:${value}' is not available yet)` : "";
  return `unknown 'is:${value}'${later}; known: ${known}`;
}

function textTerm(field: TextField, raw: string, quoted: boolean, position: number): Term {
  let value = raw;
  // patchew strips the angle brackets of `id:<msgid>`; a Message-ID is stored without them.
  if (field === "id") value = value.replace(/^<(.*)>$/, "$1");
  if ((field === "body" || field === "nq") && !/[\p{L}\p{N}]/u.test(value)) {
    throw new QueryError(
      `'${field === "body" ? "b" : "nq"}:' searches words: give it a letter or a digit`,
      position,
    );
  }
  if (field === "dfb" && [...value].length < MIN_DIFF_TEXT) {
    throw new QueryError(`'dfb:' needs at least ${MIN_DIFF_TEXT} characters`, position);
  }
  if (value.trim() === "") throw new QueryError("empty quotes", position);
  return { type: "text", field, value, phrase: quoted, position };
}

/** patchew: `age:2w` without a comparison means older than two weeks. */
function ageTerm(raw: string, position: number, offset = 0): Term {
  const m = /^([<>]?)([0-9]{1,5})([dwmy])$/i.exec(raw);
  if (!m) {
    throw new QueryError(
      `'age:${raw}' is not an age: write a number and a unit d, w, m or y, e.g. age:>2w (older than two weeks)`,
      position + offset,
    );
  }
  const op = m[1] === "<" ? "<" : ">";
  return { type: "age", op, amount: Number(m[2]), unit: m[3]!.toLowerCase() as AgeUnit, position };
}

function versionTerm(raw: string, position: number): Term {
  const written = /^(<=|>=|<|>|=)?/.exec(raw)?.[0] ?? "";
  const op: Comparison = written === "" ? "=" : (written as Comparison);
  const rest = raw.slice(written.length);
  if (!/^[0-9]{1,4}$/.test(rest)) {
    throw new QueryError(
      `'version:${raw}' is not a version: write e.g. version:3 or version:>2`,
      position + 8,
    );
  }
  return { type: "version", op, value: Number(rest), position };
}
