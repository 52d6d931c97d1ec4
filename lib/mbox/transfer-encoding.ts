/**
 * Content-Transfer-Encoding (RFC 2045 §6) for the one part of a patch mail whose text we
 * change: decoded to bytes, edited, and written back in an encoding that keeps every
 * byte (decodeBody and chooseEncoding).
 */
export type TransferEncoding = "identity" | "quoted-printable" | "base64" | "unsupported";

/** 7bit, 8bit and binary carry the bytes as they are; an absent field means 7bit (§6.1). */
export function transferEncodingOf(value: string | undefined): TransferEncoding {
  const name = (value ?? "").trim().toLowerCase();
  if (name === "" || name === "7bit" || name === "8bit" || name === "binary") return "identity";
  if (name === "quoted-printable") return "quoted-printable";
  if (name === "base64") return "base64";
  return "unsupported";
}

const HEX = /^[0-9A-Fa-f]{2}$/;

/** Quoted-printable (RFC 2045 §6.7): `=XX` octets, `=` at line end is a soft break; a stray `=` stays. */
export function decodeQuotedPrintable(encoded: Buffer): Buffer {
  const out = Buffer.alloc(encoded.length);
  let n = 0;
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i]!;
    if (c !== 0x3d) {
      out[n++] = c;
      continue;
    }
    const next = encoded.toString("latin1", i + 1, i + 3);
    if (HEX.test(next)) {
      out[n++] = Number.parseInt(next, 16);
      i += 2;
      continue;
    }
    // Soft line break: `=`, optional trailing blanks (§6.7 rule 3), then the line end.
    let j = i + 1;
    while (encoded[j] === 0x20 || encoded[j] === 0x09) j++;
    if (encoded[j] === 0x0d && encoded[j + 1] === 0x0a) {
      i = j + 1;
      continue;
    }
    if (encoded[j] === 0x0a || j === encoded.length) {
      i = j;
      continue;
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

/** The decoded bytes of a body, or null for an encoding we do not read (x-uuencode, or a made-up one). */
export function decodeBody(body: Buffer, encoding: TransferEncoding): Buffer | null {
  switch (encoding) {
    case "identity":
      return body;
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    case "base64":
      // Node's decoder skips line ends and stops at padding, as RFC 2045 §6.8 asks of readers.
      return Buffer.from(body.toString("latin1"), "base64");
    case "unsupported":
      return null;
  }
}

/** Base64 in lines of 76 characters (RFC 2045 §6.8), each ended with `eol`. */
export function encodeBase64(bytes: Buffer, eol: string): Buffer {
  const text = bytes.toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return Buffer.from(lines.map((l) => l + eol).join(""), "latin1");
}

/** SMTP's line limit (RFC 5321 §4.5.3.1.6) applies to 8bit text too (RFC 2045 §2.8). */
const MAX_8BIT_LINE = 998;

/**
 * How an edited text is written: as plain 8bit when that is safe, which is what a person
 * opening the mbox can read and what `git am` reads best; as base64 when the text holds
 * bytes that 8bit cannot carry unchanged: NUL, a CR (git mailsplit would strip it at a
 * line end), or a line longer than SMTP allows.
 */
export function chooseEncoding(bytes: Buffer): "8bit" | "base64" {
  if (bytes.includes(0x00) || bytes.includes(0x0d)) return "base64";
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (end - start > MAX_8BIT_LINE) return "base64";
    start = end + 1;
  }
  return "8bit";
}
