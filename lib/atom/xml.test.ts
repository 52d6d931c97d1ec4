import { describe, expect, it } from "vitest";

import { el, writeXmlDocument } from "./xml";

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
