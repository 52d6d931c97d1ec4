import { describe, expect, it } from "vitest";

import { decodeFlowed } from "./flowed";
import { htmlToText } from "./html-to-text";

describe("htmlToText", () => {
  it.each([
    ["<div>Reviewed-by: A &lt;a@b&gt;</div><div>thanks</div>", "Reviewed-by: A <a@b>\nthanks"],
    ["<p>a<br>b</p>", "a\nb"],
    ["<style>p{}</style><script>alert(1)</script>text", "text"],
    ["<!-- hidden -->x &amp; y &#233; &#x41; &nbsp;", "x & y é A"],
    ["<head><title>t</title></head><body>b</body>", "b"],
    ["unclosed <b", "unclosed"],
    ["&bogus; &#0;", "&bogus;"],
  ])("%j reads as %j", (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it("thousands of unclosed scripts and comments leave only the text after them", () => {
    // bench/worst-case.ts measures that this stays linear.
    const html = "<script>".repeat(50_000) + "<!--".repeat(50_000) + "x";
    expect(htmlToText(html)).not.toContain("<script>");
  });
});

describe("decodeFlowed", () => {
  it.each<[string, boolean, string]>([
    ["soft \nbreak\n", false, "soft break\n"],
    ["del \nsp\n", true, "delsp\n"],
    ["  context line\n", false, " context line\n"],
    ["> quoted \n> more\n", false, "> quoted more\n"],
    ["-- \nsig\n", false, "-- \nsig\n"],
    ["> a \nb\n", false, "> a \nb\n"],
  ])("%j decodes to %j", (text, delSp, expected) => {
    expect(decodeFlowed(text, delSp)).toBe(expected);
  });
});
