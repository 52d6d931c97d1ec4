import { headerEnd, messageStart } from "./top-headers";

/**
 * The top-level header fields read-mime.ts asks mailparser for. Everything else
 * (Received, DKIM-Signature, ARC-*, List-*, X-*) is read straight from the bytes by
 * top-headers.ts or not at all. On list mail the header block is two thirds of the bytes
 * (16 of 25 MB in the LTP archive, ~50 fields a message) and mailparser decodes every
 * field it is given, so handing it only these makes parsing much cheaper.
 */
const FIELDS_FOR_MAILPARSER = new Set([
  "from",
  "to",
  "cc",
  "reply-to",
  "x-original-from",
  "subject",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
  "content-disposition",
]);

/** The raw message with only those top-level fields kept; the body is untouched (same bytes). */
export function slimTopHeaders(raw: Buffer): Buffer {
  const start = messageStart(raw);
  const { end } = headerEnd(raw, start);
  if (end >= raw.length) return raw;
  const lines = raw.subarray(start, end).toString("latin1").split("\n");
  const kept: string[] = [];
  let keeping = false;
  for (const line of lines) {
    // RFC 5322 §2.2.3: a line starting with white space continues the previous field.
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (keeping) kept.push(line);
      continue;
    }
    const colon = line.indexOf(":");
    keeping = colon > 0 && FIELDS_FOR_MAILPARSER.has(line.slice(0, colon).trim().toLowerCase());
    if (keeping) kept.push(line);
  }
  return Buffer.concat([Buffer.from(kept.join("\n") + "\n", "latin1"), raw.subarray(end)]);
}
