import { headerParam, withCharset } from "./raw-header";
import { type TextLeaf, contentTypeOf } from "./text-leaf";
import { findTrailerSlot } from "./trailer-slot";
import { chooseEncoding, decodeBody, encodeBase64, transferEncodingOf } from "./transfer-encoding";

/** The text leaf after the trailers went in: its new body and the header values that changed. */
export interface EditedLeaf {
  body: Buffer;
  /** New Content-Type / Content-Transfer-Encoding values, when they change. */
  contentType: string | null;
  transferEncoding: string | null;
  added: string[];
}

export type EditResult = { ok: true; leaf: EditedLeaf } | { ok: false; problem: string };

/** Charsets whose bytes are ASCII where the text is ASCII, so ASCII can be spliced in. */
function asciiCompatible(charset: string): boolean {
  return !/^(utf-?16|utf-?32|utf-?7|ucs-?2|ucs-?4|unicode)/.test(charset);
}

function isUtf8(charset: string | undefined): boolean {
  return charset === "utf-8" || charset === "utf8";
}

/** A TextDecoder for the label, or null for a name no decoder knows (`charset=u`, seen on the LTP list). */
function decoderFor(charset: string): TextDecoder | null {
  try {
    return new TextDecoder(charset);
  } catch {
    return null;
  }
}

/**
 * Inserts the trailers `pick` chooses (given the message's trailer block) into the leaf.
 * The bytes around them do not change: a 7bit or 8bit body is spliced in place; a
 * base64 or quoted-printable one is decoded, spliced and written back (8bit when every
 * byte survives that, else base64). The text is moved to UTF-8 only when it must be:
 * a tag that is not ASCII in a body of another charset (`git am` converts the whole
 * message to UTF-8 anyway), a charset that is not ASCII-compatible, or a charset name
 * nothing knows, which `git mailinfo` would refuse ("cannot convert from u to UTF-8")
 * and which is relabelled without touching the bytes.
 */
export function editTextLeaf(
  raw: Buffer,
  leaf: TextLeaf,
  pick: (block: readonly string[]) => string[],
): EditResult {
  const cteField = leaf.header.fields.find((f) => f.name === "content-transfer-encoding")?.value.trim();
  const encoding = transferEncodingOf(cteField);
  const original = raw.subarray(leaf.bodyStart, leaf.bodyEnd);
  const decoded = decodeBody(original, encoding);
  if (decoded === null) return { ok: false, problem: `unsupported transfer encoding ${cteField}` };

  const type = contentTypeOf(leaf.header);
  const charset = type ? headerParam(type, "charset")?.trim().toLowerCase() : undefined;
  const other = charset !== undefined && !isUtf8(charset) && charset !== "us-ascii";
  const decoder = other ? decoderFor(charset) : null;
  let text = decoded;
  let relabel = other && decoder === null;
  let transcoded = false;
  const toUtf8 = () => {
    text = Buffer.from(decoder!.decode(decoded), "utf8");
    transcoded = relabel = true;
  };
  if (decoder && !asciiCompatible(charset!)) toUtf8();

  let slot = findTrailerSlot(text);
  const added = pick(slot.block);
  const nonAscii = added.some((l) => /[^\x00-\x7f]/.test(l));
  if (nonAscii && !relabel) {
    // A tag that is not ASCII and a body in Latin-1 cannot share a charset: the body moves to UTF-8.
    if (decoder) {
      toUtf8();
      slot = findTrailerSlot(text);
    } else if (!isUtf8(charset)) relabel = true;
  }
  if (added.length === 0 && !relabel) {
    return { ok: true, leaf: { body: original, contentType: null, transferEncoding: null, added } };
  }

  const insert = Buffer.from(
    added.length ? slot.before + added.map((l) => l + slot.eol).join("") : "",
    "utf8",
  );
  const body = Buffer.concat([text.subarray(0, slot.at), insert, text.subarray(slot.at)]);
  const contentType = relabel ? withCharset(type ?? "text/plain", "UTF-8") : null;
  if (encoding === "identity" && !transcoded) {
    const sevenBit = cteField === undefined || cteField.toLowerCase() === "7bit";
    return {
      ok: true,
      leaf: { body, contentType, transferEncoding: nonAscii && sevenBit ? "8bit" : null, added },
    };
  }
  const out = chooseEncoding(body);
  let encoded = out === "8bit" ? body : encodeBase64(body, leaf.header.eol);
  // Inside a multipart the line end before the next delimiter belongs to the delimiter.
  if (leaf.nested && out === "base64") encoded = encoded.subarray(0, encoded.length - leaf.header.eol.length);
  return { ok: true, leaf: { body: encoded, contentType, transferEncoding: out, added } };
}
