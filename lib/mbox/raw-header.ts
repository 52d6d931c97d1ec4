import { headerEnd } from "../mail/top-headers";

/**
 * A header block cut into fields without decoding anything, so the fields we keep are
 * written back byte for byte (RFC 5322 §2.2: a field is its first line and the folded
 * lines after it).
 */
export interface RawField {
  /** Lower-case field name. */
  name: string;
  /** The field's lines as received, folding and line ends included. */
  raw: Buffer;
  /** The value unfolded (RFC 5322 §2.2.3), as a Latin-1 string of the raw bytes. */
  value: string;
}

export interface RawHeader {
  fields: RawField[];
  /** Where the body starts (after the empty line), or the end of the block when there is none. */
  bodyStart: number;
  /** The line end of the block: CRLF when its first line ends so (mail read over IMAP), else LF. */
  eol: "\r\n" | "\n";
}

const FIELD_NAME = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:/;

export function readRawHeader(raw: Buffer, start = 0): RawHeader {
  const firstLf = raw.indexOf(0x0a, start);
  const eol = firstLf > start && raw[firstLf - 1] === 0x0d ? "\r\n" : "\n";
  // A MIME part may have no header at all: its first line is the empty line (RFC 2046 §5.1.1).
  if (raw[start] === 0x0a) return { fields: [], bodyStart: start + 1, eol: "\n" };
  if (raw[start] === 0x0d && raw[start + 1] === 0x0a)
    return { fields: [], bodyStart: start + 2, eol: "\r\n" };
  const { end, bodyStart } = headerEnd(raw, start);
  const fields: RawField[] = [];
  let at = start;
  while (at < end) {
    let next = raw.indexOf(0x0a, at);
    next = next < 0 || next >= end ? end : next + 1;
    const line = raw.toString("latin1", at, next);
    const folded = line.startsWith(" ") || line.startsWith("\t");
    const last = fields[fields.length - 1];
    if (folded && last) {
      last.raw = Buffer.concat([last.raw, raw.subarray(at, next)]);
      last.value += line.replace(/\r?\n$/, "");
    } else {
      const match = FIELD_NAME.exec(line);
      // A stray line that is no field: mail readers skip it, and so do we.
      if (match) {
        fields.push({
          name: match[1]!.toLowerCase(),
          raw: raw.subarray(at, next),
          value: line.slice(match[0].length).replace(/\r?\n$/, ""),
        });
      }
    }
    at = next;
  }
  return { fields, bodyStart: Math.min(bodyStart, raw.length), eol };
}

/** A field written anew from a value that holds no line break: `Name: value` and the line end. */
export function newField(name: string, value: string, eol: string): RawField {
  return {
    name: name.toLowerCase(),
    raw: Buffer.from(`${name}: ${value}${eol}`, "latin1"),
    value: ` ${value}`,
  };
}

/** A field's bytes with a line end, even when it was the last line of a message without one. */
export function fieldBytes(field: RawField, eol: string): Buffer {
  const last = field.raw[field.raw.length - 1];
  return last === 0x0a ? field.raw : Buffer.concat([field.raw, Buffer.from(eol)]);
}

/** A MIME parameter (`charset`, `boundary`) of a Content-Type value (RFC 2045 §5.1), unquoted. */
export function headerParam(value: string, param: string): string | undefined {
  const re = new RegExp(`;\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, "i");
  const match = re.exec(value);
  if (!match) return undefined;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : match[2];
}

/** The `type/subtype` of a Content-Type value, lower-case; text/plain when there is none (RFC 2045 §5.2). */
export function mediaType(value: string | undefined): string {
  const type = value?.split(";")[0]?.trim().toLowerCase();
  return type && type.includes("/") ? type : "text/plain";
}

/** The value with its charset parameter set to `charset` (added when absent). */
export function withCharset(value: string, charset: string): string {
  const re = /(;\s*charset\s*=\s*)(?:"(?:[^"\\]|\\.)*"|[^;\s]*)/i;
  return re.test(value) ? value.replace(re, `$1${charset}`) : `${value.trimEnd()}; charset=${charset}`;
}
