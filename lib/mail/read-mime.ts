import {
  type AddressObject,
  type AttachmentStream,
  type EmailAddress,
  type HeaderValue,
  MailParser,
  type StructuredHeader,
} from "mailparser";

import { isPlausibleEmail, normalizeEmail } from "./addresses";
import { slimTopHeaders } from "./slim-headers";
import { MAX_ADDRESSES_PER_HEADER, MAX_HEADER_BLOCK_BYTES, MAX_MIME_PARTS } from "./limits";
import type { Address, ParseError } from "./types";

/*
 * The only file that sees mailparser's types. mailparser turns the raw bytes into MIME
 * leaves (transfer encodings undone) and decodes the address headers (RFC 2047 words,
 * groups, raw 8-bit UTF-8). We reshape that into MimeMessage.
 *
 * Why not simpleParser: it decodes text/plain parts itself and hands back one joined
 * string. For a charset it does not know (`charset=y`) it keeps the bytes "as is", and for
 * UTF-8 it calls Buffer#toString, which turns Windows-1252 bytes into U+FFFD (patchew
 * 0010), losing them for good. So we drive MailParser ourselves, with its `textTypes`
 * emptied: every leaf, text included, then arrives as an attachment stream with its
 * bytes, and decode-text.ts decides the charset. read-mime.test.ts guards that this
 * (undocumented) switch still works after a mailparser upgrade.
 */

export interface MimePart {
  /** Lower-case `type/subtype`. */
  contentType: string;
  charset: string | undefined;
  disposition: "inline" | "attachment";
  filename: string | null;
  flowed: boolean;
  delSp: boolean;
  /** Nesting depth: 0 for a single-part message, 1 for a child of the top multipart, … */
  depth: number;
  /** Transfer-decoded bytes; null for parts we never read (images, signatures, archives). */
  content: Buffer | null;
}

export interface MimeMessage {
  subject: string | null;
  from: Address | null;
  to: Address[];
  cc: Address[];
  replyTo: Address[];
  /** The raw X-Original-From value, kept by some lists that rewrite From. */
  originalFrom: string | null;
  parts: MimePart[];
}

/** A limit the MIME splitter enforced, mapped to our error vocabulary. */
export class MimeLimitError extends Error {
  constructor(
    readonly code: ParseError,
    detail: string,
  ) {
    super(detail);
  }
}

/** Parts that can hold text or a patch; the bodies of all others are drained unread. */
function worthReading(contentType: string): boolean {
  return (
    contentType.startsWith("text/") ||
    contentType === "application/octet-stream" ||
    contentType === "application/x-patch" ||
    contentType === "application/x-diff" ||
    contentType === "message/delivery-status"
  );
}

function flattenAddresses(value: HeaderValue | undefined): Address[] {
  if (value === undefined || typeof value === "string" || value instanceof Date) return [];
  const objects = (Array.isArray(value) ? value : [value]) as Array<
    AddressObject | StructuredHeader | string
  >;
  const out: Address[] = [];
  const visit = (entries: EmailAddress[]) => {
    for (const entry of entries) {
      if (out.length >= MAX_ADDRESSES_PER_HEADER) return;
      // RFC 5322 §3.4 groups (`undisclosed-recipients:;`) list their members, maybe none.
      if (entry.group) visit(entry.group);
      else if (entry.address && isPlausibleEmail(entry.address)) {
        out.push({ name: (entry.name ?? "").trim(), email: normalizeEmail(entry.address) });
      }
    }
  };
  for (const object of objects) {
    if (typeof object === "object" && object !== null && "value" in object && Array.isArray(object.value))
      visit(object.value);
  }
  return out;
}

function structured(value: HeaderValue | undefined): StructuredHeader | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "params" in value
    ? value
    : null;
}

function toPart(attachment: AttachmentStream, content: Buffer | null): MimePart {
  const contentType = (attachment.contentType || "application/octet-stream").toLowerCase();
  const params = structured(attachment.headers.get("content-type"))?.params ?? {};
  const partId = (attachment as { partId?: string | null }).partId;
  return {
    contentType,
    charset: params.charset,
    disposition: attachment.contentDisposition === "attachment" ? "attachment" : "inline",
    filename: attachment.filename ?? null,
    flowed: (params.format ?? "").toLowerCase() === "flowed",
    delSp: (params.delsp ?? "").toLowerCase() === "yes",
    depth: partId ? partId.split(".").length : 0,
    content,
  };
}

function limitError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (/child nodes/i.test(message))
    return new MimeLimitError("too-many-parts", `more than ${MAX_MIME_PARTS} MIME parts`);
  if (/header size/i.test(message))
    return new MimeLimitError(
      "header-too-long",
      `a MIME header block exceeds ${MAX_HEADER_BLOCK_BYTES} bytes`,
    );
  return error;
}

/** Split a raw message into headers of interest and MIME leaves. Rejects on MIME limits. */
export function readMime(raw: Buffer): Promise<MimeMessage> {
  return new Promise((resolve, reject) => {
    const parser = new MailParser({
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      // Passed through to the MIME splitter (@zone-eu/mailsplit).
      ...({ maxHeadSize: MAX_HEADER_BLOCK_BYTES, maxChildNodes: MAX_MIME_PARTS } as object),
    });
    const internals = parser as unknown as { textTypes?: unknown };
    if (!Array.isArray(internals.textTypes)) {
      reject(new Error("mailparser no longer exposes textTypes: read-mime.ts needs updating"));
      return;
    }
    internals.textTypes = [];

    const parts: MimePart[] = [];
    let headers = new Map<string, HeaderValue>();
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      parser.removeAllListeners("data");
      reject(limitError(error));
    };

    parser.on("headers", (value) => {
      headers = value;
    });
    parser.on("data", (data: { type: string }) => {
      if (data.type !== "attachment") return;
      const attachment = data as AttachmentStream;
      const keep = worthReading((attachment.contentType || "").toLowerCase());
      const chunks: Buffer[] = [];
      attachment.content.on("data", (chunk: Buffer) => {
        if (keep) chunks.push(chunk);
      });
      attachment.content.on("end", () => {
        parts.push(toPart(attachment, keep ? Buffer.concat(chunks) : null));
        attachment.release();
      });
      attachment.content.on("error", fail);
    });
    parser.on("error", fail);
    parser.on("end", () => {
      if (settled) return;
      settled = true;
      const subject = headers.get("subject");
      resolve({
        subject: typeof subject === "string" ? subject : null,
        from: flattenAddresses(headers.get("from"))[0] ?? null,
        to: flattenAddresses(headers.get("to")),
        cc: flattenAddresses(headers.get("cc")),
        replyTo: flattenAddresses(headers.get("reply-to")),
        originalFrom:
          typeof headers.get("x-original-from") === "string"
            ? (headers.get("x-original-from") as string)
            : null,
        parts,
      });
    });
    parser.end(slimTopHeaders(raw));
  });
}
