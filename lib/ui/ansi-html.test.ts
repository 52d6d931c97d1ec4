import { describe, expect, it } from "vitest";

import { logBlocks } from "./log-html";
import { ansiLinesHtml, applySgr, PLAIN, styleClass } from "./ansi-html";

const ESC = "\x1b";

/** The markup of some HTML with its text taken out: what elements and attributes it holds. */
const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe("terminal output as HTML lines", () => {
  it("plain text comes out escaped, one string a line, without an empty last line", () => {
    expect(ansiLinesHtml("make: *** [all] Error 1\nok <&> \"'\n")).toEqual([
      "make: *** [all] Error 1",
      "ok &lt;&amp;&gt; &quot;&#39;",
    ]);
    expect(ansiLinesHtml("a\n\nb")).toEqual(["a", "", "b"]);
  });

  it("SGR 30–37 and 90–97 colour the text, 1 makes it bold, 0 and 39 reset", () => {
    expect(ansiLinesHtml(`${ESC}[31mFAIL${ESC}[0m: test ${ESC}[1;92mPASS${ESC}[39m bold${ESC}[m.`)).toEqual([
      '<span class="f1">FAIL</span>: test <span class="f10 b">PASS</span><span class="b"> bold</span>.',
    ]);
    expect(ansiLinesHtml(`${ESC}[37mwhite${ESC}[97mbright${ESC}[30mblack${ESC}[90mgrey`)).toEqual([
      '<span class="f7">white</span><span class="f15">bright</span><span class="f0">black</span><span class="f8">grey</span>',
    ]);
  });

  it("a colour set on one line carries to the next, each line closing its own spans", () => {
    expect(ansiLinesHtml(`${ESC}[33mwarning: one\ntwo${ESC}[0m\nthree`)).toEqual([
      '<span class="f3">warning: one</span>',
      '<span class="f3">two</span>',
      "three",
    ]);
  });

  it("extended colours take their arguments along: 38;5;1 is red, not bold; 24-bit colours are dropped", () => {
    expect(applySgr(PLAIN, "38;5;1")).toEqual({ ...PLAIN, fg: 1 });
    expect(applySgr(PLAIN, "38;5;196")).toEqual(PLAIN);
    expect(applySgr(PLAIN, "38;2;1;2;3;4")).toEqual({ ...PLAIN, underline: true });
    expect(applySgr({ ...PLAIN, bold: true, fg: 2 }, "")).toEqual(PLAIN);
    expect(styleClass(applySgr(PLAIN, "1;2;3;4;41"))).toBe("g1 b d i u");
  });

  it("a carriage return starts the line again, as a progress bar means it; CRLF ends nothing", () => {
    expect(ansiLinesHtml("10%\r50%\r100% done\r\nnext\r\n")).toEqual(["100% done", "next"]);
    expect(ansiLinesHtml(`${ESC}[32m10%\r100%`)).toEqual(['<span class="f2">100%</span>']);
  });

  it("markup in a log is text: <script>, attributes, entities", () => {
    const html = ansiLinesHtml(
      `<script>alert(1)</script>\n${ESC}[31m<img src=x onerror=alert(1)>${ESC}[0m &lt;b&gt;`,
    );
    expect(html).toEqual([
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      '<span class="f1">&lt;img src=x onerror=alert(1)&gt;</span> &amp;lt;b&amp;gt;',
    ]);
    expect(html.flatMap(tags)).toEqual(['<span class="f1">', "</span>"]);
  });

  it("escape sequences cannot close our spans or forge attributes: parameters are never copied", () => {
    const hostile = [
      `${ESC}[31m</span><script>x()</script>${ESC}[0m`,
      `${ESC}[31"><script>x()</script>m text`,
      `${ESC}[0m${ESC}[0m${ESC}[0m</span></span>`,
      `${ESC}[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;31;;;m red`,
      `${ESC}[31;1" onmouseover="x()m`,
    ].join("\n");
    const html = ansiLinesHtml(hostile);
    for (const t of html.flatMap(tags))
      expect(t).toMatch(/^(<span class="[fg]?\d{0,2}( ?[bdiu])*">|<\/span>)$/);
    expect(html.join("\n")).not.toMatch(/<script|onmouseover="|<\/span><\/span>/);
    expect(html[0]).toBe('<span class="f1">&lt;/span&gt;&lt;script&gt;x()&lt;/script&gt;</span>');
    expect(html[2]).toBe("&lt;/span&gt;&lt;/span&gt;");
    // Every line's spans are balanced.
    for (const line of html) expect(line.split("<span").length).toBe(line.split("</span>").length);
  });

  it("OSC 8 hyperlinks are stripped, their text kept; titles, DCS and other sequences vanish whole", () => {
    const link = `${ESC}]8;;javascript:alert(1)${ESC}\\click me${ESC}]8;;${ESC}\\`;
    const bel = `${ESC}]8;id=1;https://evil.example/\x07there${ESC}]8;;\x07`;
    expect(ansiLinesHtml(`${link} and ${bel}`)).toEqual(["click me and there"]);
    expect(
      ansiLinesHtml(`${ESC}]0;window title\x07${ESC}[2K${ESC}[1Gline${ESC}(B${ESC}=${ESC}P1$r0m${ESC}\\`),
    ).toEqual(["line"]);
    // C1 forms of CSI and OSC, as a UTF-8 log may carry them.
    expect(ansiLinesHtml("\x9b31mred\x9b0m \x9d8;;http://x/\x07link\x9d8;;\x07")).toEqual([
      '<span class="f1">red</span> link',
    ]);
    expect(ansiLinesHtml("a\x1b]8;;http://never-ends")).toEqual(["a"]);
  });

  it("stray controls are dropped, a tab is kept, a lone ESC at the end of a line is nothing", () => {
    expect(ansiLinesHtml("a\x00b\x07c\x08d\te\x7ff\x1b")).toEqual(["abcd\tef"]);
    expect(ansiLinesHtml(`${ESC}[31`)).toEqual([""]);
  });

  it("a 2 MB log with colour on every line is rendered whole", () => {
    // bench/worst-case.ts measures its speed against the same log without colour.
    const line = `${ESC}[1;32mPASS${ESC}[0m: tests/some/test_${"x".repeat(20)} <ok> & done\n`;
    const text = line.repeat(Math.ceil((2 * 1024 * 1024) / line.length));
    const blocks = logBlocks(text);
    expect(blocks.reduce((n, b) => n + b.lines, 0)).toBe(text.split("\n").length - 1);
  });
});

describe("log blocks", () => {
  it("number each line with an anchor and a link to it, across blocks", () => {
    const blocks = logBlocks("one\n<two>\nthree\n", 2);
    expect(blocks).toEqual([
      {
        first: 1,
        lines: 2,
        html: "<div id=L1><a href=#L1>1</a><span>one</span></div><div id=L2><a href=#L2>2</a><span>&lt;two&gt;</span></div>",
      },
      { first: 3, lines: 1, html: "<div id=L3><a href=#L3>3</a><span>three</span></div>" },
    ]);
    expect(logBlocks("")).toEqual([]);
  });
});
