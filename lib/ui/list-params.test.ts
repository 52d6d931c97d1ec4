import { describe, expect, it } from "vitest";

import { parseListParams } from "./list-params";

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
