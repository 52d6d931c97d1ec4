import { describe, expect, it } from "vitest";

import { el, escapeAttr, escapeText, writeXmlDocument, xmlChars } from "./xml";

/** Every character XML 1.0 allows (§2.2); the output must contain nothing else. */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe("escaping text for XML", () => {
  it.each([
    [
      "a script tag is text, not markup",
      "<script>alert(1)</script>",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
    ],
    ["an ampersand is escaped once", "R&D &amp; more", "R&amp;D &amp;amp; more"],
    ["a CDATA end `]]>` cannot survive", "x ]]> y", "x ]]&gt; y"],
    ["control characters are dropped", "a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg", "abcdefg"],
    ["tab, line feed and carriage return are kept", "a\tb\nc\rd", "a\tb\nc\rd"],
    ["U+FFFE and U+FFFF are dropped", "a\uFFFEb\uFFFFc", "abc"],
    ["a lone surrogate is dropped", "a\uD800b\uDC00c", "abc"],
    ["a surrogate pair (an emoji) is kept", "fix 🐛", "fix 🐛"],
    ["accents and CJK pass unchanged", "Ondřej 日本", "Ondřej 日本"],
  ])("%s", (_name, input, expected) => {
    expect(escapeText(input)).toBe(expected);
    expect(escapeText(input)).toMatch(XML_CHARS);
  });

  it("xmlChars only drops what XML 1.0 forbids", () => {
    expect(xmlChars("<&>\u0007\u0085\u00a0")).toBe("<&>\u0085\u00a0");
  });
});

describe("escaping attribute values", () => {
  it.each([
    ["quotes of both kinds", `say "hi" it's`, "say &quot;hi&quot; it&apos;s"],
    ["a URL with & and <", "https://x/?a=1&b=<2>", "https://x/?a=1&amp;b=&lt;2&gt;"],
    ["white space that normalisation would flatten", "a\tb\nc\rd", "a&#9;b&#10;c&#13;d"],
    ["control characters", "a\u0000\u001b[31mb", "a[31mb"],
  ])("%s", (_name, input, expected) => {
    expect(escapeAttr(input)).toBe(expected);
  });
});

describe("writing a document", () => {
  it("writes elements, attributes and escaped text, leaving out undefined attributes", () => {
    const xml = writeXmlDocument(
      el(
        "feed",
        { xmlns: "http://www.w3.org/2005/Atom", lang: undefined },
        el("title", {}, "<b>&</b>"),
        el("link", { href: 'x"y' }),
      ),
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>&lt;b&gt;&amp;&lt;/b&gt;</title><link href="x&quot;y"/></feed>\n',
    );
  });

  it("refuses an element or attribute name that is not a name, since names are never data", () => {
    expect(() => writeXmlDocument(el("a b"))).toThrow(/invalid XML name/);
    expect(() => writeXmlDocument(el("a", { "x=1 onload": "y" }))).toThrow(/invalid XML attribute name/);
  });
});
