/*
 * Escaping for the markup we write by hand: the HTML of diffs and logs, the XML of the
 * Atom feeds and the SVG charts. Subjects, names, code and logs come from strangers' mail
 * and testers, so every text goes through one of these on its way out.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/*
 * XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
 * With the `u` flag a lone surrogate is its own code point (U+D800..U+DFFF) and is matched
 * too, so half of a broken UTF-16 pair cannot reach the output either. HTML has no such
 * rule; in XML one stray byte makes a whole feed unreadable, so these are dropped.
 */
const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** XML text content: `<` and `&` must be escaped, `>` is escaped too so `]]>` can never appear. */
export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * XML attribute values (always written in double quotes). Tab, CR and LF are written as
 * character references, or attribute-value normalisation (§3.3.3) would turn them into spaces.
 */
export function escapeXmlAttr(value: string): string {
  return escapeXml(value)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
