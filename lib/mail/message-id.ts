/*
 * Message-IDs (RFC 5322 §3.6.4): `msg-id = [CFWS] "<" id-left "@" id-right ">" [CFWS]`.
 * Patchwatch stores them without the angle brackets. Real mail bends the grammar (no
 * `@`, no brackets, comments, folding), so we accept anything printable and reject only
 * what cannot be an identifier or would be dangerous to carry around.
 */

/** RFC 5322 §2.1.1: a line must not exceed 998 characters; an id longer than that was never valid. */
export const MAX_MESSAGE_ID_LENGTH = 998;

const CONTROL = /[\u0000-\u001f\u007f]/;

/** Remove RFC 5322 comments `( … )`, which may nest; unbalanced ones are dropped to the end. */
function stripComments(value: string): string {
  if (!value.includes("(")) return value;
  let out = "";
  let depth = 0;
  let inAngle = false;
  for (const ch of value) {
    if (depth === 0 && ch === "<") inAngle = true;
    if (depth === 0 && ch === ">") inAngle = false;
    // Inside <…> a parenthesis is not a comment: RFC 5322 has no comments inside msg-id.
    if (!inAngle && ch === "(") depth++;
    else if (!inAngle && ch === ")" && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/**
 * One Message-ID as written in a header or a trailer, without `<>`, comments and white space;
 * null when nothing usable is left or the id is absurd (too long, control characters).
 */
export function normalizeMessageId(raw: string): string | null {
  if (raw.length > MAX_MESSAGE_ID_LENGTH * 4) return null;
  // Folding white space (CRLF + WSP) inside a long id is not part of it.
  let value = stripComments(raw.replace(/\r?\n[ \t]+/g, "")).trim();
  const open = value.indexOf("<");
  if (open >= 0) {
    const close = value.indexOf(">", open + 1);
    value = close >= 0 ? value.slice(open + 1, close) : value.slice(open + 1);
  }
  value = value.trim();
  if (value.length === 0 || value.length > MAX_MESSAGE_ID_LENGTH) return null;
  if (CONTROL.test(value) || /[\s<>]/.test(value)) return null;
  return value;
}

/**
 * All Message-IDs in a References or In-Reply-To value (RFC 5322 §3.6.4 allows several),
 * in order, without duplicates. Text between the `<…>` tokens (names, dates, comments that
 * old clients wrote) is ignored; without any `<…>` token, white-space separated words that
 * look like ids (contain `@`) are taken.
 */
export function extractMessageIds(headerValue: string): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  const add = (candidate: string) => {
    const id = normalizeMessageId(candidate);
    if (id !== null && !seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  const bracketed = headerValue.match(/<[^<>]*>/g);
  if (bracketed) for (const token of bracketed) add(token);
  else for (const word of headerValue.split(/[\s,]+/)) if (word.includes("@")) add(word);
  return ids;
}
