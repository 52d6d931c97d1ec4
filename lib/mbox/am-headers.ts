import { isPlausibleEmail } from "../mail/addresses";

/** What the subject of a patch in a `git am` mbox is made of. */
export interface AmSubjectParts {
  title: string;
  /** The version the subject gave (`v2`), 1 when it gave none. */
  version: number;
  /** The subject named the version (b4 writes `v1` only when the author did). */
  explicitVersion: boolean;
  isRfc: boolean;
  /** `3/5`, or null for a patch sent without numbers. */
  part: { index: number; total: number } | null;
}

/**
 * The subject b4 gives a patch (b4 `get_am_subject`): `[PATCH RFC v2 3/5] title`, the
 * list's own tags (`[LTP]`) and RESEND dropped. `git am` strips the bracket again; the
 * title is what becomes the commit's subject.
 */
export function amSubject(p: AmSubjectParts): string {
  const words = ["PATCH"];
  if (p.isRfc) words.push("RFC");
  if (p.version !== 1 || p.explicitVersion) words.push(`v${p.version}`);
  if (p.part) words.push(`${p.part.index}/${p.part.total}`);
  return `[${words.join(" ")}] ${oneLine(p.title)}`;
}

/** Header text from mail cannot break the header: control characters (CR and LF among them) become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]+/g, " ").trim();
}

const MAX_ENCODED_WORD_BYTES = 45; // 45 bytes = 60 base64 characters: with `=?UTF-8?B?` and `?=`, 72 (RFC 2047 §2 allows 75)

/** RFC 2047 `B` encoded words of UTF-8, split between characters, never inside one (§5). */
function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = "";
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > MAX_ENCODED_WORD_BYTES) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`);
}

/**
 * An unstructured header value (Subject): ASCII as it is, anything else as encoded words
 * (RFC 2047 §5 (1)) on folded lines (RFC 5322 §2.2.3), so a long title stays within line
 * limits and `git mailinfo` decodes it back to the same text.
 */
export function encodeUnstructured(text: string, eol: string): string {
  const value = oneLine(text);
  if (/^[\x20-\x7e]*$/.test(value)) return foldAscii(value, eol);
  const ascii = /^[\x20-\x7e]*? (?=\S*[^\x20-\x7e])/.exec(value)?.[0] ?? "";
  const rest = value.slice(ascii.length);
  return (ascii ? `${foldAscii(ascii.trimEnd(), eol)}${eol} ` : "") + encodedWords(rest).join(`${eol} `);
}

/** Folds at spaces before 998 characters (RFC 5322 §2.1.1); a word longer than that stays whole. */
function foldAscii(value: string, eol: string): string {
  if (value.length <= 900) return value;
  const out: string[] = [];
  let line = "";
  for (const word of value.split(" ")) {
    if (line && line.length + 1 + word.length > 900) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out.join(`${eol} `);
}

/** `Name <email>` for a From field (RFC 5322 §3.4): a quoted or encoded name; null for an address we would not write. */
export function formatAddress(person: { name: string; email: string }, eol: string): string | null {
  if (!isPlausibleEmail(person.email) || /[^\x21-\x7e]/.test(person.email)) return null;
  const name = oneLine(person.name);
  if (name === "") return `<${person.email}>`;
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ .]*$/.test(name) && !name.includes("..")) {
    return `${/\./.test(name) ? `"${name}"` : name} <${person.email}>`;
  }
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/(["\\])/g, "\\$1")}" <${person.email}>`;
  return `${encodedWords(name).join(`${eol} `)} <${person.email}>`;
}
