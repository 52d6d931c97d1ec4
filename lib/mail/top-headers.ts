import { MAX_HEADER_FIELDS, MAX_HEADER_LINE_BYTES } from "./limits";
import type { ParseError } from "./types";

/*
 * A cheap pass over the top-level header block (RFC 5322 §2.2), before the MIME parser
 * runs: it enforces the header limits, and it gives the raw values of the fields whose
 * meaning must not depend on the MIME library (Message-ID from the top level only, the
 * Date without a "now" fallback, References as written).
 */

export interface HeaderField {
  /** Lower-case field name. */
  name: string;
  /** Unfolded value (RFC 5322 §2.2.3) as raw bytes in a Latin-1 string; read it with firstField/allFields. */
  value: string;
}

export type TopHeaders =
  { ok: true; fields: HeaderField[]; offset: number } | { ok: false; error: ParseError; detail: string };

const FIELD = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(.*)$/s;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Header bytes are ASCII by RFC 5322, but raw UTF-8 (RFC 6532) is common; anything else is read as Latin-1. */
function decodeValue(binary: string): string {
  if (!/[^\x00-\x7f]/.test(binary)) return binary;
  try {
    return utf8.decode(Buffer.from(binary, "latin1"));
  } catch {
    return binary;
  }
}

/** Where the header block ends: the first empty line, or the end of the message. */
export function headerEnd(raw: Buffer, start: number): { end: number; bodyStart: number } {
  const lf = raw.indexOf("\n\n", start);
  const crlf = raw.indexOf("\n\r\n", start);
  if (lf < 0 && crlf < 0) return { end: raw.length, bodyStart: raw.length };
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { end: crlf + 1, bodyStart: crlf + 3 };
  return { end: lf + 1, bodyStart: lf + 2 };
}

/** The offset where the message starts, after an mbox `From ` separator line if one was left in. */
export function messageStart(raw: Buffer): number {
  if (raw.subarray(0, 5).toString("latin1") !== "From ") return 0;
  const eol = raw.indexOf("\n");
  return eol < 0 ? raw.length : eol + 1;
}

export function readTopHeaders(raw: Buffer): TopHeaders {
  const start = messageStart(raw);
  const { end, bodyStart } = headerEnd(raw, start);
  const lines = raw.subarray(start, end).toString("latin1").split("\n");
  const fields: HeaderField[] = [];
  let current: { name: string; value: string } | null = null;
  for (const rawLine of lines) {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    if (line.length > MAX_HEADER_LINE_BYTES) {
      return {
        ok: false,
        error: "header-too-long",
        detail: `a header line has ${line.length} bytes (limit ${MAX_HEADER_LINE_BYTES})`,
      };
    }
    if (line.length === 0) continue;
    if ((line.startsWith(" ") || line.startsWith("\t")) && current) {
      current.value += line;
      continue;
    }
    const match = FIELD.exec(line);
    if (!match) {
      if (fields.length === 0 && current === null) {
        return { ok: false, error: "no-headers", detail: "the message does not start with a header field" };
      }
      continue; // a stray line inside the header block: mailers skip it, so do we
    }
    if (fields.length >= MAX_HEADER_FIELDS) {
      return { ok: false, error: "too-many-headers", detail: `more than ${MAX_HEADER_FIELDS} header fields` };
    }
    current = { name: match[1]!.toLowerCase(), value: match[2]! };
    fields.push(current);
  }
  if (fields.length === 0)
    return { ok: false, error: "no-headers", detail: "the message has no header fields" };
  return { ok: true, fields, offset: bodyStart };
}

/** The first value of a field, as RFC 5322 §3.6 allows one Message-ID, Date, In-Reply-To per message. */
export function firstField(fields: HeaderField[], name: string): string | null {
  for (const field of fields) if (field.name === name) return decodeValue(field.value).trim();
  return null;
}

/** The first value of a field as raw bytes in a Latin-1 string (for callers that decode it themselves). */
export function rawField(fields: HeaderField[], name: string): string | null {
  for (const field of fields) if (field.name === name) return field.value.trim();
  return null;
}

/** Every value of a field, in order (References may be split over several fields by broken clients). */
export function allFields(fields: HeaderField[], name: string): string[] {
  return fields.filter((field) => field.name === name).map((field) => decodeValue(field.value).trim());
}
