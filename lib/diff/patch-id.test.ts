// The test (never lib code) runs the real `git patch-id --stable` to compare with.
// eslint-disable-next-line no-restricted-imports
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { parseMessage } from "../mail/parse-message";
import {
  FIXTURES,
  patchewMessages,
  patchworkMessage,
  readFixture,
  splitMbox,
} from "../mail/test-support/fixtures";
import { computePatchId } from "./patch-id";

/*
 * computePatchId must equal `git patch-id --stable`. The test (only the test) runs git
 * once on all diffs: each is preceded by `From <fake commit id>`, which git patch-id reads
 * as the start of the next patch and prints next to its id.
 */

function gitPatchIds(diffs: string[]): Map<number, string> {
  // Ids start at 1: when git stops early inside a diff it hashes the rest as a patch of the
  // null id (0000…), which must not land on a real diff.
  const stream = diffs
    .map((diff, i) => `From ${(i + 1).toString(16).padStart(40, "0")} Mon Sep 17 00:00:00 2001\n${diff}`)
    .join("");
  const output = execFileSync("git", ["patch-id", "--stable"], {
    input: stream,
    maxBuffer: 64 * 1024 * 1024,
  }).toString();
  const ids = new Map<number, string>();
  for (const line of output.trim().split("\n")) {
    const [id, commit] = line.split(" ");
    const index = parseInt(commit ?? "0", 16) - 1;
    if (id && index >= 0 && !ids.has(index)) ids.set(index, id);
  }
  return ids;
}

async function diffsOf(raws: Buffer[]): Promise<string[]> {
  const diffs: string[] = [];
  for (const raw of raws) {
    const result = await parseMessage(raw);
    if (result.ok && result.mail.patch) diffs.push(result.mail.patch.diff);
  }
  return diffs;
}

function expectSameIds(diffs: string[]): void {
  const git = gitPatchIds(diffs);
  const mismatches = diffs.flatMap((diff, i) =>
    computePatchId(diff) === (git.get(i) ?? null)
      ? []
      : [{ i, ours: computePatchId(diff), git: git.get(i) ?? null, head: diff.slice(0, 200) }],
  );
  expect(mismatches).toEqual([]);
}

describe("computePatchId", () => {
  it("equals git patch-id --stable on every patch of the fixtures", async () => {
    const raws = [
      ...readdirSync(path.join(FIXTURES, "patchew"))
        .filter((f) => f.endsWith(".gz"))
        .flatMap((f) => patchewMessages(f)),
      ...readdirSync(path.join(FIXTURES, "patchwork"))
        .filter((f) => f.endsWith(".mbox"))
        .map((f) => patchworkMessage(f)),
    ];
    const diffs = await diffsOf(raws);
    diffs.push(
      readFixture("patchwork/patches/0001-add-line.patch").toString("utf8"),
      readFixture("patchwork/patches/0002-utf-8.patch").toString("utf8"),
    );
    expect(diffs.length).toBeGreaterThan(50);
    expectSameIds(diffs);
  });

  it("equals git patch-id --stable on every patch of the LTP sample", async () => {
    const mbox = gunzipSync(
      readFileSync(path.resolve(FIXTURES, "../../../prisma/seed/ltp-2025-09..2026-03.mbox.gz")),
    );
    const diffs = await diffsOf(splitMbox(mbox));
    expect(diffs.length).toBeGreaterThan(600);
    expectSameIds(diffs);
  }, 120_000);

  it.each<[string, string]>([
    [
      "reordered files",
      "diff --git a/b b/b\n--- a/b\n+++ b/b\n@@ -1 +1 @@\n-x\n+y\ndiff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\n",
    ],
    [
      "other hunk line numbers and white space",
      "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -10 +10 @@ ctx\n-x\n+  y\ndiff --git a/b b/b\n--- a/b\n+++ b/b\n@@ -5 +5 @@\n-x\n+y\n",
    ],
  ])("%s give the same id (stable)", (_, variant) => {
    const base =
      "diff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -1 +1 @@\n-x\n+y\ndiff --git a/b b/b\n--- a/b\n+++ b/b\n@@ -1 +1 @@\n-x\n+y\n";
    expect(computePatchId(variant)).toBe(computePatchId(base));
  });

  it.each([
    ["a diff without a diff line (git prints nothing)", "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n"],
    ["an empty text", ""],
    ["prose", "hello\nworld\n"],
  ])("%s gives null", (_, diff) => {
    expect(computePatchId(diff)).toBeNull();
  });

  it.each([
    ["a mode-only diff", "diff --git a/x b/x\nold mode 100644\nnew mode 100755\n"],
    [
      "a binary diff",
      "diff --git a/x b/x\nindex 1111111..2222222 100644\nGIT binary patch\nliteral 1\nIcmZo*00001\n\nliteral 0\nHcmV?d00001\n\n",
    ],
    ["a diff ending without a newline", "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b"],
    ["a malformed hunk header", "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -a +b @@\n-a\n+b\n"],
    [
      "a diff followed by another commit",
      "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\ncommit 0123456789012345678901234567890123456789\ndiff --git a/y b/y\n",
    ],
  ])("%s matches git", (_, diff) => {
    const git =
      execFileSync("git", ["patch-id", "--stable"], { input: diff }).toString().split(" ")[0] || null;
    expect(computePatchId(diff)).toBe(git);
  });
});
