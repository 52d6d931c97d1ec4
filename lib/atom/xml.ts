/**
 * A small XML writer for the feeds: elements are data, every text node and attribute value
 * is escaped on the way out, and characters XML 1.0 forbids are dropped, since subjects
 * and names come from strangers' mail and one stray byte makes a whole feed unreadable.
 */

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | undefined>;
  children?: XmlNode[];
}
export type XmlNode = XmlElement | string;

/*
 * XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
 * With the `u` flag a lone surrogate is its own code point (U+D800..U+DFFF) and is matched
 * too, so half of a broken UTF-16 pair cannot reach the output either.
 */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Names are ours, never a mail's: a wrong one is a programming error. */
const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

export function xmlChars(text: string): string {
  return text.replace(FORBIDDEN, "");
}

/** Text content: `<` and `&` must be escaped, `>` is escaped too so `]]>` can never appear. */
export function escapeText(text: string): string {
  return xmlChars(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Attribute values (always written in double quotes). Tab, CR and LF are written as
 * character references, or attribute-value normalisation (§3.3.3) would turn them into spaces.
 */
export function escapeAttr(value: string): string {
  return escapeText(value)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

export function el(name: string, attrs: XmlElement["attrs"] = {}, ...children: XmlNode[]): XmlElement {
  return { name, attrs, children };
}

function writeNode(node: XmlNode): string {
  if (typeof node === "string") return escapeText(node);
  if (!NAME.test(node.name)) throw new Error(`invalid XML name: ${node.name}`);
  let out = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`invalid XML attribute name: ${key}`);
    out += ` ${key}="${escapeAttr(value)}"`;
  }
  const children = node.children ?? [];
  if (children.length === 0) return `${out}/>`;
  return `${out}>${children.map(writeNode).join("")}</${node.name}>`;
}

/** A whole document, UTF-8, with its declaration. */
export function writeXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${writeNode(root)}\n`;
}
