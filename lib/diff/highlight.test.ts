import { describe, expect, it } from "vitest";

import { highlightLines, languageFor } from "./highlight";

const text = (tokens: [string, string][]) => tokens.map(([, t]) => t).join("");

describe("syntax colouring of patch lines", () => {
  it.each([
    ["lib/tst_test.c", "c"],
    ["include/tst_test.h", "c"],
    ["testcases/lib/tst_test.sh", "bash"],
    ["Makefile", "makefile"],
    ["testcases/kernel/Makefile.inc", "makefile"],
    ["include/mk/env_post.mk", "makefile"],
    ["scripts/qapi/gen.py", "python"],
    ["meson.build", "python"],
    ["rust/qemu-api/src/lib.rs", "rust"],
    ["doc/users/quick_start.rst", null],
    ["README", null],
  ])("%s is coloured as %s", (path, language) => {
    expect(languageFor(path)).toBe(language);
  });

  it("a <script> in a C line comes back as text tokens, not markup", () => {
    const [line] = highlightLines(['printf("<script>alert(1)</script>"); /* & </span> */'], "c");
    expect(text(line!)).toBe('printf("<script>alert(1)</script>"); /* & </span> */');
    expect(line).toContainEqual(["string", '"<script>alert(1)</script>"']);
    expect(line).toContainEqual(["comment", "/* & </span> */"]);
  });

  it("text in an unknown language is one plain token per line", () => {
    expect(highlightLines(["<b>x</b>", "", "y"], null)).toEqual([[["", "<b>x</b>"]], [], [["", "y"]]]);
  });

  it("a comment opened on one line colours the next, and lines keep their count", () => {
    const lines = ["int a; /* start", "   still comment */ int b;", ""];
    const tokens = highlightLines(lines, "c");
    expect(tokens).toHaveLength(3);
    expect(tokens.map(text)).toEqual(lines);
    expect(tokens[1]![0]).toEqual(["comment", "   still comment */"]);
  });

  it("a nested scope (a string inside a preprocessor line) takes the inner scope", () => {
    const [line] = highlightLines(['#include "tst_test.h"'], "c");
    expect(line).toContainEqual(["string", '"tst_test.h"']);
    expect(text(line!)).toBe('#include "tst_test.h"');
  });
});
