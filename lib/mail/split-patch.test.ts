import { describe, expect, it } from "vitest";

import { splitPatch } from "./split-patch";

const DIFF = "diff --git a/f b/f\nindex 1..2 100644\n--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n";

describe("splitPatch", () => {
  it("a format-patch body splits at --- and ends the diff before the signature", () => {
    const text = `Subject line body.\n\nSigned-off-by: A <a@b>\n---\n f | 2 +-\n 1 file changed\n\n${DIFF}-- \n2.43.0\n\n`;
    expect(splitPatch(text)).toEqual({
      commitMessage: "Subject line body.\n\nSigned-off-by: A <a@b>",
      diff: DIFF,
      corruptAt: null,
    });
  });

  it.each([
    [
      "a list footer after the diff",
      `${DIFF}_______________________________________________\nxen-devel mailing list\n`,
    ],
    ["prose after the diff", `${DIFF}\nThanks,\nJane\n`],
    ["CRLF line endings", `${DIFF.replace(/\n/g, "\r\n")}`],
  ])("%s stays out of the diff", (_, text) => {
    expect(splitPatch(`msg\n${text}`)?.diff).toBe(DIFF);
  });

  it("a context line whose space a mailer trimmed stays in the hunk", () => {
    const diff = "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n";
    expect(splitPatch(diff)?.diff).toBe(diff);
  });

  it("text between two diffs is skipped, as git apply does", () => {
    const second = DIFF.replace(/\bf\b/g, "g");
    expect(splitPatch(`m\n${DIFF}some note\n${second}`)?.diff).toBe(`${DIFF}${second}`);
  });

  it("a GIT binary patch keeps its blocks and closing empty lines", () => {
    const diff =
      "diff --git a/x b/x\nindex 1..2 100644\nGIT binary patch\nliteral 3\nIcmZo*00001\n\nliteral 2\nHcmV?d00001\n\n";
    expect(splitPatch(`m\n${diff}-- \n2.1\n`)?.diff).toBe(diff);
  });

  it.each([
    ["prose only", "Hello\n\nThis is difficult.\nDifferent\n"],
    ["a quoted diff", "> diff --git a/f b/f\n> --- a/f\n> +++ b/f\n> @@ -1 +1 @@\n"],
    ["a --- line without +++", "---\n f | 1 +\n"],
    ["a diff command word in prose", "diff -u shows it:\nnothing more\n"],
  ])("%s holds no diff", (_, text) => {
    expect(splitPatch(text)).toBeNull();
  });

  it("an Outlook-mangled hunk ends the diff where git apply would stop", () => {
    const text = "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n\nstatic int x;\n-b\n+c\n";
    expect(splitPatch(text)?.diff).toBe("diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n\n");
    expect(splitPatch(text)?.corruptAt).toMatch(/^line 6 of the text: "static int x;"$/);
  });
});
