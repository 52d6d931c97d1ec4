import { MAX_HTML_CHARS } from "./limits";

/*
 * HTML-only mails (rare on patch lists) still need a readable body for search and
 * trailers. This is not a renderer: it drops comments, scripts, styles and tags, turns
 * block ends into line breaks and decodes the common entities. No HTML from a mail is
 * ever kept. One left-to-right pass with indexOf, so hostile HTML (thousands of unclosed
 * `<script` or `<!--`) costs linear time, which lazy regexes would not guarantee.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const DROPPED_ELEMENTS = ["script", "style", "head"];
const BREAKING_TAG = /^(?:br\b|\/(?:p|div|li|tr|h[1-6]|blockquote|pre)\b)/i;

function decodeEntity(entity: string): string {
  if (entity.startsWith("#")) {
    const hex = entity[1] === "x" || entity[1] === "X";
    const code = hex ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    const valid =
      Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : "";
  }
  return ENTITIES[entity.toLowerCase()] ?? `&${entity};`;
}

export function htmlToText(input: string): string {
  const html = input.slice(0, MAX_HTML_CHARS);
  const lower = html.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf("<", i);
    if (open < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, open));
    if (lower.startsWith("<!--", open)) {
      const close = html.indexOf("-->", open + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const end = html.indexOf(">", open + 1);
    if (end < 0) break; // an unclosed tag: the rest is markup
    const tag = lower.slice(open + 1, end).trim();
    const dropped = DROPPED_ELEMENTS.find((name) => tag === name || tag.startsWith(`${name} `));
    if (dropped) {
      const close = lower.indexOf(`</${dropped}`, end);
      const closeEnd = close < 0 ? -1 : html.indexOf(">", close);
      i = closeEnd < 0 ? html.length : closeEnd + 1;
      continue;
    }
    if (BREAKING_TAG.test(tag)) out.push("\n");
    i = end + 1;
  }
  return out
    .join("")
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (_, entity: string) => decodeEntity(entity))
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
