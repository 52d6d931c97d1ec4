import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { parseMessage } from "../mail/parse-message";
import { FIXTURES, splitMbox } from "../mail/test-support/fixtures";
import { formatDiffStat, renameName } from "./format-stat";
import { diffStat } from "./stats";
import { unquotePath } from "./unquote-path";

describe("diffStat", () => {
  it("a modified file counts its added and removed lines", () => {
    const stat = diffStat(
      "diff --git a/x.c b/x.c\nindex 1..2 100644\n--- a/x.c\n+++ b/x.c\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n d\n",
    );
    expect(stat).toEqual({
      files: [
        {
          oldPath: "x.c",
          newPath: "x.c",
          status: "modified",
          additions: 1,
          deletions: 1,
          binary: false,
          oldMode: "100644",
          newMode: "100644",
        },
      ],
      additions: 1,
      deletions: 1,
    });
  });

  it("a removed line that reads like a file header stays inside its hunk", () => {
    const stat = diffStat("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n--- a\n+++ b\n");
    expect(stat.files).toHaveLength(1);
    expect(stat).toMatchObject({ additions: 1, deletions: 1 });
  });

  it.each<[string, string, Partial<import("./types").FileChange>]>([
    [
      "a new file",
      "diff --git a/n b/n\nnew file mode 100755\nindex 0000000..1111111\n--- /dev/null\n+++ b/n\n@@ -0,0 +1 @@\n+x\n",
      { oldPath: null, newPath: "n", status: "added", newMode: "100755", additions: 1 },
    ],
    [
      "an empty new file",
      "diff --git a/e b/e\nnew file mode 100644\nindex 0000000..e69de29\n",
      { oldPath: null, newPath: "e", status: "added" },
    ],
    [
      "a deleted file",
      "diff --git a/d b/d\ndeleted file mode 100644\nindex 1111111..0000000\n--- a/d\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n",
      { oldPath: "d", newPath: null, status: "deleted", deletions: 1 },
    ],
    [
      "a pure rename",
      "diff --git a/p/a b/q/a\nsimilarity index 100%\nrename from p/a\nrename to q/a\n",
      { oldPath: "p/a", newPath: "q/a", status: "renamed", similarity: 100 },
    ],
    [
      "a copy",
      "diff --git a/a b/b\nsimilarity index 90%\ncopy from a\ncopy to b\n--- a/a\n+++ b/b\n@@ -1 +1 @@\n-x\n+y\n",
      { status: "copied", similarity: 90, additions: 1 },
    ],
    [
      "a mode change",
      "diff --git a/m b/m\nold mode 100644\nnew mode 100755\n",
      { status: "mode", oldMode: "100644", newMode: "100755" },
    ],
    [
      "a --no-prefix diff",
      "diff --git pixel.bmp pixel.bmp\nnew file mode 100644\nindex 0000000..9710347\nGIT binary patch\nliteral 142\nzcmZ?r\n\nliteral 0\nHcmV?d00001\n\n",
      { newPath: "pixel.bmp", binary: true, newSize: 142, oldSize: 0 },
    ],
    [
      "a bare unified diff",
      "--- a/x/y.c\t2020-01-01\n+++ b/x/y.c\t2020-01-02\n@@ -1 +1 @@\n-a\n+b\n",
      { oldPath: "x/y.c", newPath: "x/y.c", status: "modified" },
    ],
    [
      "a CVS diff",
      "Index: bfd/elf.c\n===================================================================\nRCS file: /cvs/src/bfd/elf.c,v\nretrieving revision 1.1\ndiff -u -p -r1.1 elf.c\n--- bfd/elf.c\t1 Jan 2010\n+++ bfd/elf.c\t2 Jan 2010\n@@ -1 +1,2 @@\n a\n+b\n",
      { oldPath: "bfd/elf.c", newPath: "bfd/elf.c", additions: 1 },
    ],
    [
      "a quoted path",
      'diff --git "a/caf\\303\\251" "b/caf\\303\\251"\nold mode 100644\nnew mode 100755\n',
      { newPath: "café", status: "mode" },
    ],
  ])("%s is described", (_, diff, expected) => {
    const stat = diffStat(diff);
    expect(stat.files).toHaveLength(1);
    expect(stat.files[0]).toMatchObject(expected);
  });

  it("several bare unified diffs are several files", () => {
    const diff = "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n--- a/y\n+++ b/y\n@@ -1 +1,2 @@\n a\n+c\n";
    expect(diffStat(diff).files.map((f) => [f.newPath, f.additions, f.deletions])).toEqual([
      ["x", 1, 1],
      ["y", 1, 0],
    ]);
  });

  it("binary files count no lines", () => {
    const diff =
      "diff --git a/b b/b\nindex 1..2 100644\nGIT binary patch\nliteral 3\nIcmZo*00001\n\nliteral 2\nHcmV?d00001\n\ndiff --git a/t b/t\n--- a/t\n+++ b/t\n@@ -1 +1 @@\n-a\n+b\n";
    expect(diffStat(diff)).toMatchObject({ additions: 1, deletions: 1 });
  });

  it("garbage gives no files", () => {
    expect(diffStat("hello\nworld\n").files).toEqual([]);
    expect(diffStat("").files).toEqual([]);
  });
});

describe("renameName", () => {
  it.each([
    ["hw/i2c/i2c-ddc.c", "hw/display/i2c-ddc.c", "hw/{i2c => display}/i2c-ddc.c"],
    [
      "tests/qemu-iotests/199",
      "tests/qemu-iotests/tests/migrate-bitmaps-postcopy-test",
      "tests/qemu-iotests/{199 => tests/migrate-bitmaps-postcopy-test}",
    ],
    ["a", "b", "a => b"],
    ["x/a.c", "y/a.c", "{x => y}/a.c"],
    ["dir/old.c", "dir/new.c", "dir/{old.c => new.c}"],
    ["a/b/c", "a/b/c/d", "a/b/{c => c/d}"],
  ])("%s → %s prints as %s", (a, b, expected) => {
    expect(renameName(a, b)).toBe(expected);
  });
});

describe("formatDiffStat", () => {
  it("one file with one insertion reads as git writes it", () => {
    expect(formatDiffStat(diffStat("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n a\n+b\n"))).toEqual(
      [" x | 1 +", " 1 file changed, 1 insertion(+)"],
    );
  });

  it("no files give no lines", () => {
    expect(formatDiffStat({ files: [], additions: 0, deletions: 0 })).toEqual([]);
  });

  it("matches most diffstats that senders' git wrote into the LTP sample (the rest used other widths)", async () => {
    const mbox = gunzipSync(
      readFileSync(path.resolve(FIXTURES, "../../../prisma/seed/ltp-2025-09..2026-03.mbox.gz")),
    );
    let same = 0;
    let compared = 0;
    for (const raw of splitMbox(mbox)) {
      const result = await parseMessage(raw);
      if (!result.ok || result.mail.kind !== "patch" || !result.mail.patch) continue;
      const body = result.mail.body.split("\n");
      const notes = body.slice(body.indexOf("---") + 1);
      const end = notes.findIndex((line) => /^ \d+ files? changed/.test(line));
      const start = notes.findIndex((line) => / \| /.test(line));
      if (body.indexOf("---") < 0 || end < 0 || start < 0) continue;
      const inMail = notes.slice(start, end + 1);
      for (
        let k = end + 1;
        k < notes.length && /^ (create|delete|rename|copy|mode change|rewrite) /.test(notes[k]!);
        k++
      )
        inMail.push(notes[k]!);
      compared++;
      if (JSON.stringify(formatDiffStat(result.mail.patch.stat)) === JSON.stringify(inMail)) same++;
    }
    expect(compared).toBeGreaterThan(600);
    expect(same / compared).toBeGreaterThan(0.8);
  }, 60_000);
});

describe("unquotePath", () => {
  it.each([
    ["plain/path", "plain/path"],
    ['"a/caf\\303\\251"', "a/café"],
    ['"tab\\there"', "tab\there"],
    ['"quote\\"d"', 'quote"d'],
  ])("%s unquotes to %s", (quoted, expected) => {
    expect(unquotePath(quoted)).toBe(expected);
  });
});
