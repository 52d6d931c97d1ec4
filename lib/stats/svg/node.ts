import { escapeXml, escapeXmlAttr } from "../../text/escape";

/**
 * SVG as data: every text node and attribute value is escaped when written, so a label
 * taken from a mail or a MAINTAINERS file (a section called `<script>`) stays text.
 */
export interface SvgElement {
  name: string;
  attrs: Record<string, string | number | undefined>;
  children: SvgNode[];
}
export type SvgNode = SvgElement | string;

/** Element and attribute names are ours, never a mail's: a wrong one is a programming error. */
const NAME = /^[A-Za-z_][A-Za-z0-9._:-]*$/;

export function svgEl(name: string, attrs: SvgElement["attrs"] = {}, ...children: SvgNode[]): SvgElement {
  return { name, attrs, children };
}

/** Two decimals are plenty for coordinates in a viewBox of a few hundred units. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function writeSvg(node: SvgNode): string {
  if (typeof node === "string") return escapeXml(node);
  if (!NAME.test(node.name)) throw new Error(`invalid SVG element name: ${node.name}`);
  let out = `<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs)) {
    if (value === undefined) continue;
    if (!NAME.test(key)) throw new Error(`invalid SVG attribute name: ${key}`);
    out += ` ${key}="${escapeXmlAttr(typeof value === "number" ? num(value) : value)}"`;
  }
  if (node.children.length === 0) return `${out}/>`;
  return `${out}>${node.children.map(writeSvg).join("")}</${node.name}>`;
}
