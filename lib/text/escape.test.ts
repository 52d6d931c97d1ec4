import { describe, expect, it } from "vitest";

import { escapeHtml, escapeXml, escapeXmlAttr } from "./escape";

describe("escaping text for HTML", () => {
  it.each([
    [
      "a script tag is text, not markup",
      `<script>alert("x")</script>`,
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",
    ],
    ["an ampersand is escaped once", "a&b &amp;", "a&amp;b &amp;amp;"],
    ["both quotes, for an attribute in either", `"it's"`, "&quot;it&#39;s&quot;"],
    ["control characters pass, as HTML allows them", "a\u0007\u001b[31mb", "a\u0007\u001b[31mb"],
    ["accents, CJK and emoji pass unchanged", "Ondřej 日本 🐛", "Ondřej 日本 🐛"],
  ])("%s", (_name, input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

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
    expect(escapeXml(input)).toBe(expected);
    expect(escapeXml(input)).toMatch(XML_CHARS);
  });

  it("drops only what XML 1.0 forbids", () => {
    expect(escapeXml("a\u0007\u0085\u00a0")).toBe("a\u0085\u00a0");
  });
});

describe("escaping XML attribute values", () => {
  it.each([
    ["quotes of both kinds", `say "hi" it's`, "say &quot;hi&quot; it&apos;s"],
    ["a URL with & and <", "https://x/?a=1&b=<2>", "https://x/?a=1&amp;b=&lt;2&gt;"],
    ["white space that normalisation would flatten", "a\tb\nc\rd", "a&#9;b&#10;c&#13;d"],
    ["control characters", "a\u0000\u001b[31mb", "a[31mb"],
  ])("%s", (_name, input, expected) => {
    expect(escapeXmlAttr(input)).toBe(expected);
  });
});
