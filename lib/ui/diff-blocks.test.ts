import { describe, expect, it } from "vitest";

import type { DiffLineView } from "../diff/diff-view";
import { diffBlocks } from "./diff-blocks";

const lines = (n: number): DiffLineView[] =>
  Array.from({ length: n }, (_, i) => ({ kind: "add", old: null, new: i + 1, tokens: [] }));

describe("diff lines in blocks", () => {
  it("cuts a long hunk into blocks, the first one carrying the hunk header", () => {
    const blocks = diffBlocks([{ header: "@@ -0,0 +1,450 @@", lines: lines(450) }], 200);
    expect(blocks.map((b) => [b.header, b.lines.length, b.lines[0]!.new])).toEqual([
      ["@@ -0,0 +1,450 @@", 200, 1],
      [null, 200, 201],
      [null, 50, 401],
    ]);
  });

  it("starts a block at every hunk, short ones included", () => {
    const blocks = diffBlocks(
      [
        { header: "@@ -1 +1 @@", lines: lines(2) },
        { header: "@@ -9 +9 @@", lines: lines(3) },
      ],
      200,
    );
    expect(blocks.map((b) => [b.header, b.lines.length])).toEqual([
      ["@@ -1 +1 @@", 2],
      ["@@ -9 +9 @@", 3],
    ]);
  });
});
