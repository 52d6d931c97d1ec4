/*
 * Text part bytes to a string (RFC 2045 §5.1 `charset`, RFC 2046 §4.1.2). Lists carry
 * every kind of mistake: `charset=y` and `charset=u` (git send-email writes what was typed
 * at its encoding prompt; patchew 0007, LTP), `charset="none"` (patchwork 0010), Latin-1
 * bytes declared as UTF-8 (patchew 0010's Windows smart quotes), 8-bit bytes under
 * `us-ascii`. We never fail: a known charset is used as declared; otherwise UTF-8 when
 * the bytes are valid UTF-8, and Windows-1252 for the bytes that are not.
 */

export interface DecodedText {
  text: string;
  /** Set when the declared charset could not be used as is. */
  warning: string | null;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const decoders = new Map<string, TextDecoder | null>();

/** Labels that mean "UTF-8 or plain ASCII": read as UTF-8 with the Windows-1252 fallback. */
const UTF8_LIKE = new Set(["", "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "unicode-1-1-utf-8"]);

/** Windows-1252 0x80–0x9F (WHATWG encoding standard); undefined slots stay C1 controls. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function cp1252(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 (RFC 3629 §4: no overlongs, no surrogates). */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** UTF-8 where the bytes are valid UTF-8, Windows-1252 byte by byte where they are not. */
export function decodeUtf8WithFallback(bytes: Uint8Array): string {
  const out: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      i += length;
      continue;
    }
    if (runStart < i)
      out.push(Buffer.from(bytes.buffer, bytes.byteOffset + runStart, i - runStart).toString("utf8"));
    out.push(cp1252(b));
    i++;
    runStart = i;
  }
  if (runStart < bytes.length)
    out.push(
      Buffer.from(bytes.buffer, bytes.byteOffset + runStart, bytes.length - runStart).toString("utf8"),
    );
  return out.join("");
}

function decoderFor(label: string): TextDecoder | null {
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = null; // not a charset name TextDecoder (the WHATWG encoding list) knows
    }
    decoders.set(label, decoder);
  }
  return decoder;
}

function decodeUtf8Like(bytes: Uint8Array, label: string, unknown: boolean): DecodedText {
  try {
    const text = strictUtf8.decode(bytes);
    return { text, warning: unknown ? `unknown charset "${label}": read as UTF-8` : null };
  } catch {
    const what = unknown
      ? `unknown charset "${label}"`
      : `invalid bytes for charset "${label || "us-ascii"}"`;
    return {
      text: decodeUtf8WithFallback(bytes),
      warning: `${what}: read as UTF-8 with Windows-1252 for invalid bytes`,
    };
  }
}

/** Decode a text part declared with `charset` (undefined when the part names none). */
export function decodeText(bytes: Uint8Array, charset: string | undefined): DecodedText {
  const label = (charset ?? "")
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  if (UTF8_LIKE.has(label)) return decodeUtf8Like(bytes, label, false);
  const decoder = decoderFor(label);
  if (decoder === null) return decodeUtf8Like(bytes, label, true);
  return { text: decoder.decode(bytes), warning: null };
}
