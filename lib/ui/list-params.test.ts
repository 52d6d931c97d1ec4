import { describe, expect, it } from "vitest";

import { listHref, parseListParams, seriesHref } from "./list-params";

describe("parseListParams", () => {
  it.each([
    ["no parameters", {}, { q: "", after: null }],
    ["a search with spaces around it", { q: "  is:reviewed  " }, { q: "is:reviewed", after: null }],
    ["a cursor", { after: "eyJhIjpudWxsfQ" }, { q: "", after: "eyJhIjpudWxsfQ" }],
    ["an empty cursor", { after: "" }, { q: "", after: null }],
    ["a repeated search, which counts by its first value", { q: ["a", "b"] }, { q: "a", after: null }],
    ["unrelated parameters", { page: "3", q: "from:cyril" }, { q: "from:cyril", after: null }],
  ])("%s", (_name, input, expected) => {
    expect(parseListParams(input)).toEqual(expected);
  });
});

describe("listHref", () => {
  it.each([
    ["nothing", {}, "/ltp"],
    ["a search", { q: "-is:obsolete -is:merged" }, "/ltp?q=-is%3Aobsolete+-is%3Amerged"],
    ["a search and a cursor", { q: "is:rfc", after: "abc_-" }, "/ltp?q=is%3Arfc&after=abc_-"],
    ["a cursor without a search", { q: "", after: "abc" }, "/ltp?after=abc"],
  ])("for %s", (_name, params, expected) => {
    expect(listHref("/ltp", params)).toBe(expected);
  });
});

describe("seriesHref", () => {
  it("encodes the characters of a Message-ID that mean something in a URL", () => {
    expect(seriesHref("ltp", "20250910-lchown-v6-0-a1@suse.com")).toBe(
      "/ltp/20250910-lchown-v6-0-a1%40suse.com",
    );
    expect(seriesHref("qemu", "a/b+c%d?e#f")).toBe("/qemu/a%2Fb%2Bc%25d%3Fe%23f");
  });
});
