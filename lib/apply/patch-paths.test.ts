import { describe, expect, it } from "vitest";

import { checkPatchPaths } from "./patch-paths";

const diff = (a: string, b: string, body = "@@ -1 +1 @@\n-x\n+y\n") =>
  `diff --git ${a} ${b}\nindex 1111111..2222222 100644\n--- ${a}\n+++ ${b}\n${body}`;

describe("checkPatchPaths", () => {
  it.each([
    ["an ordinary change", diff("a/src/main.c", "b/src/main.c")],
    [
      "a new file from /dev/null",
      "diff --git a/n b/n\nnew file mode 100644\n--- /dev/null\n+++ b/n\n@@ -0,0 +1 @@\n+x\n",
    ],
    ["a rename", "diff --git a/old.c b/new.c\nsimilarity index 100%\nrename from old.c\nrename to new.c\n"],
    ["a mode change", "diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n"],
    ["a directory named .github", diff("a/.github/workflows/ci.yml", "b/.github/workflows/ci.yml")],
    ["a dotted file name", diff("a/x..y", "b/x..y")],
    ["a quoted name with a space", diff('"a/with space.c"', '"b/with space.c"')],
    [
      "a removed line reading `-- ../x` inside a hunk",
      diff("a/f", "b/f", "@@ -1,2 +1,2 @@\n--- ../x\n+++ ../y\n ctx\n"),
    ],
    [
      "a binary patch",
      "diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0000000..1111111\nGIT binary patch\nliteral 3\nKcmZ?wbNB!P0RR91\n\nliteral 0\nHcmV?d00001\n",
    ],
  ])("accepts %s", (_, text) => {
    expect(checkPatchPaths(text)).toEqual({ ok: true });
  });

  it.each([
    ["`../` in the diff --git line", diff("a/../../etc/passwd", "b/../../etc/passwd"), "outside-tree"],
    ["`../` only in the +++ line", "--- a/ok\n+++ b/../ok\n@@ -1 +1 @@\n-x\n+y\n", "outside-tree"],
    ["an absolute path (`a//etc/passwd`)", diff("a//etc/passwd", "b//etc/passwd"), "absolute"],
    [
      "an absolute path without prefix",
      "--- /etc/passwd\n+++ /etc/passwd\n@@ -1 +1 @@\n-x\n+y\n",
      "absolute",
    ],
    ["a file in .git", diff("a/.git/hooks/post-checkout", "b/.git/hooks/post-checkout"), "git-directory"],
    [
      "a file in .GIT (case-insensitive filesystems)",
      diff("a/sub/.GIT/config", "b/sub/.GIT/config"),
      "git-directory",
    ],
    ["a rename to ../", "diff --git a/x b/y\nrename from x\nrename to ../y\n", "outside-tree"],
    ["a copy from an absolute path", "diff --git a/x b/y\ncopy from /etc/shadow\ncopy to y\n", "absolute"],
    ["a quoted `..` with an escape", diff('"a/\\056\\056/x"', '"b/\\056\\056/x"'), "outside-tree"],
    ["a `.` component", diff("a/./x", "b/./x"), "outside-tree"],
    [
      "a header after a hunk cut short",
      `${diff("a/f", "b/f", "@@ -1,5 +1,5 @@\n-x\n")}diff --git a/../z b/../z\n`,
      "outside-tree",
    ],
  ])("refuses %s", (_, text, problem) => {
    const check = checkPatchPaths(text);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.problem).toBe(problem);
      expect(check.message).toMatch(/refused before applying/);
    }
  });
});
