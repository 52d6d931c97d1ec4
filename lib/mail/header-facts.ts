import { createHash } from "node:crypto";

import { parseMailDate } from "./date";
import { decodeUtf8WithFallback } from "./decode-text";
import { MAX_SUBJECT_CHARS } from "./limits";
import { extractMessageIds, normalizeMessageId } from "./message-id";
import { allFields, firstField, type HeaderField, messageStart, rawField } from "./top-headers";

/*
 * Facts read from the top-level header fields (RFC 5322 §3.6), each with the warnings a
 * damaged header deserves. Used by parse-message.ts.
 */

/** A stable id for a mail without a usable Message-ID: the same bytes always get the same id. */
function synthesizeMessageId(raw: Buffer): string {
  const digest = createHash("sha256")
    .update(raw.subarray(messageStart(raw)))
    .digest("hex");
  return `${digest.slice(0, 32)}@patchwatch.invalid`;
}

/** The list identifier inside `List-Id: Description <list.example.org>` (RFC 2919 §3). */
export function listIdOf(value: string | null): string | null {
  if (value === null) return null;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return /^[^\s<>]+$/.test(value) ? value.toLowerCase() : null;
}

/**
 * RFC 3834 `Auto-Submitted` other than `no` marks a program's mail. `Precedence: bulk|junk`
 * does too, but only without list headers: Mailman 2 adds `Precedence: junk` or `list`, and
 * vger adds `bulk`, to every human post (patchew 0019/0020/0036, patchwork 0007).
 */
export function isAutoSubmitted(fields: HeaderField[]): boolean {
  const auto = firstField(fields, "auto-submitted");
  if (auto !== null && !/^no\b/i.test(auto)) return true;
  const precedence = (firstField(fields, "precedence") ?? "").toLowerCase();
  if (!/^(bulk|junk|auto_reply)\b/.test(precedence)) return false;
  const viaList = ["list-id", "x-mailing-list", "x-beenthere", "mailing-list", "list-post"].some(
    (name) => firstField(fields, name) !== null,
  );
  return !viaList;
}

/**
 * The decoded subject. mailparser reads raw 8-bit header bytes as UTF-8 (right for RFC 6532
 * mail, patchwork 0014); Latin-1 bytes become U+FFFD there, so such a subject is read again
 * from the raw bytes with the Windows-1252 fallback, when it holds no RFC 2047 word.
 */
export function subjectOf(decoded: string | null, fields: HeaderField[], warnings: string[]): string {
  let subject = decoded ?? "";
  const raw = rawField(fields, "subject");
  if (subject.includes("\uFFFD") && raw !== null && !raw.includes("=?")) {
    subject = decodeUtf8WithFallback(Buffer.from(raw, "latin1")).trim();
    warnings.push("the Subject has raw bytes that are not UTF-8: read as Windows-1252");
  }
  // Unfold (RFC 5322 §2.2.3); a line break left over (an encoded `=0A`) must not survive either.
  subject = subject.replace(/\r?\n[ \t]*/g, " ").replace(/[\r\n]/g, " ");
  if (subject.length > MAX_SUBJECT_CHARS) {
    warnings.push(`subject cut to ${MAX_SUBJECT_CHARS} characters`);
    return subject.slice(0, MAX_SUBJECT_CHARS);
  }
  return subject;
}

export function threading(
  fields: HeaderField[],
  messageId: string,
): { inReplyTo: string | null; references: string[] } {
  const inReplyTo =
    extractMessageIds(firstField(fields, "in-reply-to") ?? "").find((id) => id !== messageId) ?? null;
  const references = extractMessageIds(allFields(fields, "references").join(" ")).filter(
    (id) => id !== messageId,
  );
  if (inReplyTo !== null && !references.includes(inReplyTo)) references.push(inReplyTo);
  return { inReplyTo, references };
}

/** The Message-ID from the top-level header only, or one derived from the bytes (with a warning). */
export function messageIdOf(
  raw: Buffer,
  fields: HeaderField[],
  warnings: string[],
): { messageId: string; synthesized: boolean } {
  const messageId = normalizeMessageId(firstField(fields, "message-id") ?? "");
  if (messageId !== null) return { messageId, synthesized: false };
  const derived = synthesizeMessageId(raw);
  warnings.push(`no usable Message-ID: derived ${derived} from the message's bytes`);
  return { messageId: derived, synthesized: true };
}

export function dateOf(fields: HeaderField[], warnings: string[]): Date | null {
  const rawDate = firstField(fields, "date");
  const date = parseMailDate(rawDate);
  if (date === null)
    warnings.push(rawDate === null ? "no Date header" : `unreadable Date header: ${rawDate.slice(0, 100)}`);
  return date;
}
