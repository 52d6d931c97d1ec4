/**
 * The search language's syntax tree. A query is a list of terms that must all hold
 * (patchew: "terms are ANDed"); `{a b}` is a group of which any must hold; a leading
 * `-` or `!` negates one term or group.
 */

/** Operators that take a text argument (quoted or not). */
export type TextField =
  | "text" // free text: the series title, full-text
  | "from" // sender name or address of the series (substring)
  | "to" // an address in To of any message of the series (substring)
  | "cc" // an address in Cc of any message of the series (substring)
  | "subject" // the series title (substring)
  | "project" // the series' project (exact name, or a parent of it)
  | "id" // Message-ID of any message of the series (exact)
  | "reviewed-by" // a Reviewed-by trailer naming this person (substring)
  | "acked-by" // an Acked-by trailer naming this person (substring)
  | "body" // lore's b: text in the body of any message, full-text
  | "nq" // lore's nq: body text outside quoted lines, full-text
  | "dfn" // lore's dfn: a file touched by a patch (substring)
  | "dfb"; // lore's dfb: text in the added lines of a diff (substring)

export const STATES = ["reviewed", "complete", "obsolete", "merged", "rfc", "pull"] as const;
export type State = (typeof STATES)[number];

export const HAS_VALUES = ["replies"] as const;
export type HasValue = (typeof HAS_VALUES)[number];

export type Comparison = "<" | "<=" | "=" | ">=" | ">";

export type AgeUnit = "d" | "w" | "m" | "y";

export type Term =
  | { type: "text"; field: TextField; value: string; phrase: boolean; position: number }
  | { type: "is"; state: State; position: number }
  | { type: "has"; what: HasValue; position: number }
  /** `age:>2w`: the last activity is older (`>`) or more recent (`<`) than the amount. */
  | { type: "age"; op: "<" | ">"; amount: number; unit: AgeUnit; position: number }
  | { type: "version"; op: Comparison; value: number; position: number }
  | { type: "not"; term: Term; position: number }
  | { type: "or"; terms: Term[]; position: number }
  /** `(a b)`: patchew's explicit AND, useful inside an OR group. */
  | { type: "and"; terms: Term[]; position: number };

/** Every term must hold. An empty query matches everything. */
export interface Query {
  terms: Term[];
}
