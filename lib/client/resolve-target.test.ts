import { describe, expect, it } from "vitest";

import { resolveTarget } from "./resolve-target";
import { printable, seriesLines } from "./series-lines";

describe("resolveTarget", () => {
  it.each([
    [
      "20260203125029.15413-1-mdoucha@suse.cz",
      { kind: "message", server: null, msgid: "20260203125029.15413-1-mdoucha@suse.cz" },
    ],
    ["  <a$(id)`b`@x>  ", { kind: "message", server: null, msgid: "a$(id)`b`@x" }],
    ["from:pvorel@suse.cz", { kind: "query", query: "from:pvorel@suse.cz" }],
    ["lchown is:reviewed", { kind: "query", query: "lchown is:reviewed" }],
    [
      "https://pw.example/ltp/20260203125029.15413-1-mdoucha%40suse.cz",
      {
        kind: "series",
        server: "https://pw.example",
        project: "ltp",
        msgid: "20260203125029.15413-1-mdoucha@suse.cz",
      },
    ],
    [
      "http://127.0.0.1:3000/ltp/a%2Fb%40x/mbox?cover=1",
      { kind: "series", server: "http://127.0.0.1:3000", project: "ltp", msgid: "a/b@x" },
    ],
    [
      "https://pw.example/api/v1/series/qemu-block/%3Cm%40x%3E",
      { kind: "series", server: "https://pw.example", project: "qemu-block", msgid: "m@x" },
    ],
    ["https://pw.example/m/r%40x", { kind: "message", server: "https://pw.example", msgid: "r@x" }],
    ["https://pw.example/series/r%40x/mbox", { kind: "message", server: "https://pw.example", msgid: "r@x" }],
  ])("reads %s", (text, expected) => {
    expect(resolveTarget(text)).toEqual(expected);
  });

  it("refuses a URL that names no series", () => {
    expect(() => resolveTarget("https://pw.example/ltp")).toThrow(/not a series URL/);
    expect(() => resolveTarget("https://pw.example/search/help")).toThrow(/not a series URL/);
  });
});

describe("seriesLines", () => {
  const base = {
    project: "ltp",
    author: { name: "A", email: "a@x" },
    version: 2,
    total: 3,
    received: 3,
    complete: true,
    obsoletedBy: null,
    reviewed: true,
    isPull: false,
    mergedAt: null,
    apply: { status: "applied" },
  };

  it("aligns project, version, patches and state, then title and Message-ID", () => {
    expect(
      seriesLines([
        { ...base, id: "a@x", subject: "First" },
        {
          ...base,
          id: "b@x",
          subject: "Second",
          project: "qemu-block",
          version: 10,
          received: 1,
          complete: false,
          reviewed: false,
          apply: null,
        },
        {
          ...base,
          id: "c@x",
          subject: "Third",
          obsoletedBy: "d@x",
          reviewed: false,
          apply: null,
          mergedAt: "2026-01-01T00:00:00Z",
        },
      ]),
    ).toEqual([
      "ltp         v2   3    reviewed,applied  First  <a@x>",
      "qemu-block  v10  1/3  incomplete        Second  <b@x>",
      "ltp         v2   3    merged,obsolete   Third  <c@x>",
    ]);
  });

  it("shows nothing from a mail that could drive the terminal", () => {
    expect(printable("a\u001b[31mred\u0007 \u202Eevil\u202C\nx")).toBe("a?[31mred? ?evil??x");
  });
});
