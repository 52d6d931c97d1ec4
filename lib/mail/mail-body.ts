import { decodeText } from "./decode-text";
import { decodeFlowed } from "./flowed";
import { htmlToText } from "./html-to-text";
import type { MimePart } from "./read-mime";

/*
 * Which MIME leaves make the body, and which may carry the patch. RFC 2046 §5.1.4: in
 * multipart/alternative the text/plain part is the one for us; HTML is converted only when
 * there is no text part (patchwork 0019/0020, patchew 0035). A list footer sent as a second
 * inline text part (patchew 0007) belongs to the body, never to the diff, because diffs are
 * looked for part by part. Attachments named as patches (text/x-patch, text/x-diff,
 * application/octet-stream: patchew 0038) are read as text too.
 */

export interface TextSource {
  text: string;
  /** Shown inline (the mail's text) rather than attached. */
  inline: boolean;
}

export interface MailBody {
  body: string;
  /** Text parts in which to look for a diff, the inline ones first. */
  sources: TextSource[];
  warnings: string[];
}

/** Parts that are text, or may be (an attachment without a charset is still often a patch). */
const PATCH_TYPES = new Set([
  "text/x-patch",
  "text/x-diff",
  "text/x-diff-file",
  "application/x-patch",
  "application/x-diff",
  "application/octet-stream",
]);

/** Binary data is not text: a NUL byte in the first 8 KiB is git's own test (buffer_is_binary). */
function looksBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

function decodePart(part: MimePart, warnings: string[]): string {
  const { text, warning } = decodeText(part.content!, part.charset);
  if (warning) warnings.push(warning);
  let normalized = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  if (part.flowed) normalized = decodeFlowed(normalized, part.delSp);
  return normalized;
}

export function mailBody(parts: MimePart[]): MailBody {
  const warnings: string[] = [];
  const readable = parts.filter((part) => part.content !== null);
  const isInlineText = (part: MimePart) => part.contentType === "text/plain" && part.disposition === "inline";

  let inline = readable.filter(isInlineText);
  let bodyFromHtml: string | null = null;
  if (inline.length === 0) {
    const html = readable.filter((part) => part.contentType === "text/html" && part.disposition === "inline");
    if (html.length > 0) bodyFromHtml = html.map((part) => htmlToText(decodePart(part, warnings))).join("\n");
    // No text and no HTML: the first part that decodes as text is the body (patchew 0038's
    // top-level application/octet-stream).
    else {
      const fallback = readable.find(
        (part) => part.contentType !== "text/html" && !looksBinary(part.content!),
      );
      if (fallback) inline = [fallback];
    }
  }

  const sources: TextSource[] = inline.map((part) => ({ text: decodePart(part, warnings), inline: true }));
  for (const part of readable) {
    if (inline.includes(part) || part.contentType === "text/html") continue;
    const candidate = PATCH_TYPES.has(part.contentType) || part.contentType.startsWith("text/");
    if (candidate && !looksBinary(part.content!))
      sources.push({ text: decodePart(part, warnings), inline: false });
  }

  const body =
    bodyFromHtml ??
    sources
      .filter((source) => source.inline)
      .map((source) => source.text)
      .join("\n");
  return { body, sources, warnings: [...new Set(warnings)] };
}
