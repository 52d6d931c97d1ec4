import { escapeXml, escapeXmlAttr } from "../text/escape";

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

/** Names are ours, never a mail's: a wrong one is a programming error. */
const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

export function el(name: string, attrs: XmlElement["attrs"] = {}, ...children: XmlNode[]): XmlElement {
  return { name, attrs, children };
}

function writeNode(node: XmlNode): string {
  if (typeof node === "string") return escapeXml(node);
  if (!NAME.test(node.name)) throw new Error(`invalid XML name: ${node.name}`);
  let out = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`invalid XML attribute name: ${key}`);
    out += ` ${key}="${escapeXmlAttr(value)}"`;
  }
  const children = node.children ?? [];
  if (children.length === 0) return `${out}/>`;
  return `${out}>${children.map(writeNode).join("")}</${node.name}>`;
}

/** A whole document, UTF-8, with its declaration. */
export function writeXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${writeNode(root)}\n`;
}
