/**
 * Splits a search into tokens. Words end at white space, braces, parentheses and double
 * quotes (patchew's words end at the same characters, and at `<` `>`, which we keep in
 * words so that `id:<msgid>` stays one word). A word ending in `:` directly followed by
 * a quoted phrase takes the phrase as its value: `subject:"two words"`.
 */

export type Token =
  | { kind: "open"; char: "{" | "("; position: number }
  | { kind: "close"; char: "}" | ")"; position: number }
  /** A leading `-` or `!` (negation) or `+` (patchew's "is" shortcut). */
  | { kind: "prefix"; char: "-" | "!" | "+"; position: number }
  /** `field` is the text before the first colon, when there is one. */
  | { kind: "word"; field: string | null; value: string; quoted: boolean; position: number };

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; message: string; position: number };

const DELIMITERS = new Set([" ", "\t", "\n", "\r", "{", "}", "(", ")", '"']);
const SPACE = /[ \t\n\r]/;

/** Reads a quoted phrase starting at the quote at `start`; `\"` and `\\` are escapes. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = "";
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') return { value, end: i + 1 };
    if (c === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) {
      value += text[i + 1];
      i++;
      continue;
    }
    value += c;
  }
  return null;
}

export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  // A prefix only counts at the start of a term, so `from:a-b` and `x!y` stay words.
  let atTermStart = true;
  // PostgreSQL refuses NUL in text, and no other control character belongs in a search.
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(text);
  if (control)
    return { ok: false, message: "control characters are not allowed in a search", position: control.index };
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
      atTermStart = true;
      continue;
    }
    if (c === "{" || c === "(") {
      tokens.push({ kind: "open", char: c, position: i++ });
      atTermStart = true;
      continue;
    }
    if (c === "}" || c === ")") {
      tokens.push({ kind: "close", char: c, position: i++ });
      atTermStart = true;
      continue;
    }
    if (atTermStart && (c === "-" || c === "!" || c === "+")) {
      const next = text[i + 1];
      if (next === undefined || SPACE.test(next) || next === "}" || next === ")") {
        return {
          ok: false,
          message: `'${c}' must be followed by a term, with no space between`,
          position: i,
        };
      }
      tokens.push({ kind: "prefix", char: c, position: i++ });
      continue;
    }
    if (c === '"') {
      const quoted = readQuoted(text, i);
      if (!quoted) return { ok: false, message: "this quote is never closed", position: i };
      tokens.push({ kind: "word", field: null, value: quoted.value, quoted: true, position: i });
      i = quoted.end;
      atTermStart = false;
      continue;
    }
    const start = i;
    while (i < text.length && !DELIMITERS.has(text[i]!)) i++;
    const word = text.slice(start, i);
    const colon = word.indexOf(":");
    const field = colon > 0 ? word.slice(0, colon) : null;
    let value = colon > 0 ? word.slice(colon + 1) : word;
    let quoted = false;
    if (field !== null && value === "" && text[i] === '"') {
      const phrase = readQuoted(text, i);
      if (!phrase) return { ok: false, message: "this quote is never closed", position: i };
      value = phrase.value;
      quoted = true;
      i = phrase.end;
    }
    tokens.push({ kind: "word", field, value, quoted, position: start });
    atTermStart = false;
  }
  return { ok: true, tokens };
}
