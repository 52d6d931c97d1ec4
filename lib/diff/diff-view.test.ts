import { describe, expect, it } from "vitest";

import { diffFiles, extendedHeader, renderHunks } from "./diff-view";

const diff = [
  "diff --git a/lib/a.c b/lib/a.c",
  "index 1111111..2222222 100644",
  "--- a/lib/a.c",
  "+++ b/lib/a.c",
  "@@ -10,3 +10,3 @@ int main(void)",
  " int x;",
  "-int y;",
  "+int z; // <script>alert(1)</script>",
  " return 0;",
  "\\ No newline at end of file",
  "diff --git a/old.sh b/new.sh",
  "similarity index 90%",
  "rename from old.sh",
  "rename to new.sh",
  "index 3333333..4444444 100755",
  "--- a/old.sh",
  "+++ b/new.sh",
  "@@ -1 +1 @@",
  "-echo a",
  "+echo b",
  "",
].join("\n");

describe("a diff as the page shows it", () => {
  it("lists each file with its path, change and size", () => {
    const files = diffFiles(diff).map((f) => f.summary);
    expect(files.map((f) => [f.index, f.path, f.change?.status, f.lines])).toEqual([
      [0, "lib/a.c", "modified", 10],
      [1, "new.sh", "renamed", 10],
    ]);
  });

  it("numbers old and new lines and marks the no-newline note", () => {
    const [hunk] = renderHunks(diffFiles(diff)[0]!.section, "lib/a.c");
    expect(hunk!.header).toBe("@@ -10,3 +10,3 @@ int main(void)");
    expect(hunk!.lines.map((l) => [l.kind, l.old, l.new])).toEqual([
      ["ctx", 10, 10],
      ["del", 11, null],
      ["add", null, 11],
      ["ctx", 12, 12],
      ["note", null, null],
    ]);
  });

  it("keeps hostile text as text tokens, whatever the highlighter does", () => {
    const [hunk] = renderHunks(diffFiles(diff)[0]!.section, "lib/a.c");
    const added = hunk!.lines[2]!.tokens.map(([, t]) => t).join("");
    expect(added).toBe("int z; // <script>alert(1)</script>");
    expect(hunk!.lines[2]!.tokens).toContainEqual(["comment", "// <script>alert(1)</script>"]);
  });

  it("shows the rename lines of the extended header, not the index or paths", () => {
    expect(extendedHeader(diffFiles(diff)[1]!.section)).toEqual([
      "similarity index 90%",
      "rename from old.sh",
      "rename to new.sh",
    ]);
  });
});
