import { describe, expect, it } from "vitest";

import { fileHunks, prepareDiffs } from "./prepare-diffs";

/** A diff adding a file of `n` lines of C. */
const newFile = (path: string, n: number) =>
  [
    `diff --git a/${path} b/${path}`,
    "new file mode 100644",
    "index 0000000..1111111",
    "--- /dev/null",
    `+++ b/${path}`,
    `@@ -0,0 +1,${n} @@`,
    ...Array.from({ length: n }, (_, i) => `+int v${i} = ${i};`),
    "",
  ].join("\n");

describe("preparing the diffs of a series page", () => {
  it("gives a diff seen again, or a file of it opened later, what it gave the first time", () => {
    const diff = newFile("again.c", 3) + newFile("later.c", 4);
    const first = prepareDiffs([diff], 3);
    expect(prepareDiffs([diff], 3)).toEqual(first);
    // later.c did not fit the budget: opened, its hunks are those of a page that shows it.
    expect(first[0]![1]!.hunks).toBeNull();
    expect(fileHunks(diff, 1)).toEqual(prepareDiffs([diff])[0]![1]!.hunks);
    // A different diff of the same length is not mistaken for it.
    const other = diff.replace("v0", "w0");
    expect(other).toHaveLength(diff.length);
    expect(fileHunks(other, 0)).not.toEqual(fileHunks(diff, 0));
  });

  it("renders small files and leaves a 10,000-line file to be loaded when opened", () => {
    const [first, second] = prepareDiffs([newFile("a.c", 10) + newFile("big.c", 10_000), newFile("b.c", 5)]);
    expect(first!.map((f) => [f.summary.path, f.hunks === null])).toEqual([
      ["a.c", false],
      ["big.c", true],
    ]);
    expect(second!.map((f) => [f.summary.path, f.hunks === null])).toEqual([["b.c", false]]);
    expect(first![0]!.header).toEqual(["new file mode 100644"]);
  });

  it("shows a binary file by its header, whatever its size, and spends no budget on it", () => {
    const binary = [
      "diff --git a/blob b/blob",
      "new file mode 100755",
      "index 0000000..1111111",
      "GIT binary patch",
      "literal 40000",
      ...Array.from({ length: 3000 }, () => "zcmeIuF%bYT3&Xm"),
      "",
      "literal 0",
      "HcmV?d00001",
      "",
    ].join("\n");
    const [files] = prepareDiffs([binary + newFile("a.c", 10)], 100);
    expect(files!.map((f) => [f.summary.path, f.summary.change?.binary, f.hunks?.length ?? null])).toEqual([
      ["blob", true, 0],
      ["a.c", false, 1],
    ]);
    expect(files![0]!.header).toEqual(["new file mode 100755", "GIT binary patch"]);
  });

  it("serves the hunks of a file opened later, numbered and coloured", () => {
    const hunks = fileHunks(newFile("a.c", 1) + newFile("big.c", 10_000), 1)!;
    expect(hunks[0]!.lines).toHaveLength(10_000);
    expect(hunks[0]!.lines[9_999]).toMatchObject({ kind: "add", old: null, new: 10_000 });
    expect(hunks[0]!.lines[0]!.tokens).toContainEqual(["type", "int"]);
    expect(fileHunks(newFile("a.c", 1), 5)).toBeNull();
  });
});
