import { beforeAll, describe, expect, it } from "vitest";

import type { Mail } from "../mail/types";
import { interdiff, type InterdiffPair, type InterdiffPatch } from "./interdiff";
import { ltpMails } from "./test-support/ltp-patches";

// Real revisions from the LTP archive (prisma/seed), checked by hand against the mails.
const lchown = {
  v5: [1, 2, 3, 4].map((i) => `20250829-conversions-lchown-v5-${i}-7c3f25cd1de4@suse.com`),
  v6: [1, 2, 3, 4].map((i) => `20250910-conversions-lchown-v6-${i}-a133444cdb6a@suse.com`),
};
const needsCmds = {
  v5: [2, 3, 4].map((i) => `20251110024805.31070-${i}-wegao@suse.com`),
  v6: [2, 3, 4, 5].map((i) => `20251223020836.9439-${i}-wegao@suse.com`),
};

let mails: Map<string, Mail>;
beforeAll(async () => {
  mails = await ltpMails([...lchown.v5, ...lchown.v6, ...needsCmds.v5, ...needsCmds.v6]);
}, 60_000);

function patches(msgids: string[]): InterdiffPatch[] {
  return msgids.map((msgid, i) => {
    const mail = mails.get(msgid);
    if (!mail?.patch) throw new Error(`no patch ${msgid}`);
    return {
      index: i + 1,
      msgid,
      title: mail.parsedSubject.title,
      commitMessage: mail.patch.commitMessage,
      diff: mail.patch.diff,
    };
  });
}

const summary = (pairs: InterdiffPair[]) =>
  pairs.map((p) => `${p.older?.index ?? "-"}->${p.newer?.index ?? "-"} ${p.status} ${p.matchedBy ?? ""}`);

const text = (pair: InterdiffPair, path: string) =>
  pair.files
    .find((f) => f.path === path)!
    .hunks.flatMap((h) => h.lines.map((l) => `${l.op}${l.text}`))
    .join("\n");

describe("interdiff of real LTP revisions", () => {
  it("lchown v5 -> v6: patch 1 was resent unchanged, 2 gained a review, 3 and 4 were reworked", () => {
    const pairs = interdiff(patches(lchown.v5), patches(lchown.v6));
    expect(summary(pairs)).toEqual([
      "1->1 unchanged subject",
      "2->2 changed subject",
      "3->3 changed subject",
      "4->4 changed subject",
    ]);
    expect(pairs[0]!.unchangedFiles).toBe(3);
    expect(pairs[1]!.files).toEqual([]);
    expect(pairs[1]!.message.flatMap((h) => h.lines.filter((l) => l.op !== " "))).toEqual([
      { op: "+", text: "Reviewed-by: Cyril Hrubis <chrubis@suse.cz>" },
    ]);
    expect(pairs[2]!.files.map((f) => `${f.status} ${f.path}`)).toEqual([
      "changed testcases/kernel/syscalls/lchown/lchown02.c",
    ]);
  });

  it("needs_cmds v5 -> v6: a new patch 2 is added, and the later patches are paired by subject though they moved", () => {
    const pairs = interdiff(patches(needsCmds.v5), patches(needsCmds.v6));
    expect(summary(pairs)).toEqual([
      "1->1 changed subject",
      "-->2 added ",
      "2->3 unchanged subject",
      "3->4 unchanged subject",
    ]);
    expect(pairs[1]!.newer!.title).toBe("tst_test.c: Add tst_cmd_present check if a command is present");
    // tst_cmd_present() moved out of patch 1 into the new patch 2: patch 1 loses its declaration.
    expect(text(pairs[0]!, "include/tst_test.h")).toContain("-+bool tst_cmd_present(const char *cmd);");
    expect(pairs[1]!.files.map((f) => f.status)).toEqual(["added", "added"]);
  });

  it("the same versions compared backwards show the new patch as removed, where it stood", () => {
    const pairs = interdiff(patches(needsCmds.v6), patches(needsCmds.v5));
    expect(summary(pairs)).toEqual([
      "1->1 changed subject",
      "2->- removed ",
      "3->2 unchanged subject",
      "4->3 unchanged subject",
    ]);
  });
});

const patch = (index: number, title: string, diff: string, commitMessage = "Why.\n"): InterdiffPatch => ({
  index,
  msgid: `${title}@x`,
  title,
  commitMessage,
  diff,
});

/** One file's diff: context `a`, `b` removed, then `added` (lines starting with `+`). */
const fileDiff = (start: number, added: string, blob = "1111111..2222222") =>
  `diff --git a/f.c b/f.c\nindex ${blob} 100644\n--- a/f.c\n+++ b/f.c\n` +
  `@@ -${start},2 +${start},${1 + added.split("\n").length - 1} @@ int main(void)\n a\n-b\n${added}`;

describe("interdiff rules", () => {
  it.each([
    [
      "a patch rebased onto moved lines (other hunk line numbers, other blob ids)",
      fileDiff(10, "+c\n"),
      "unchanged",
    ],
    ["a patch with another added line", fileDiff(10, "+c\n+d\n"), "changed"],
  ])("%s is %s", (_, newer, status) => {
    const [pair] = interdiff(
      [patch(1, "f: fix", fileDiff(3, "+c\n", "aaaaaaa..bbbbbbb"))],
      [patch(1, "f: fix", newer)],
    );
    expect(pair!.status).toBe(status);
  });

  it("a reworded subject is paired by its position in the series", () => {
    const pairs = interdiff(
      [patch(1, "f: fix a bug", fileDiff(1, "+c\n"))],
      [patch(1, "f: fix the bug", fileDiff(1, "+c\n"))],
    );
    expect(summary(pairs)).toEqual(["1->1 unchanged position"]);
  });

  it("a changed commit message alone makes the patch changed, trailers included", () => {
    const [pair] = interdiff(
      [patch(1, "f: fix", fileDiff(1, "+c\n"), "Why.\n\nSigned-off-by: A <a@x>\n")],
      [patch(1, "f: fix", fileDiff(1, "+c\n"), "Why.\n\nReviewed-by: B <b@x>\nSigned-off-by: A <a@x>\n")],
    );
    expect(pair!.status).toBe("changed");
    expect(pair!.message[0]!.lines.filter((l) => l.op !== " ")).toEqual([
      { op: "+", text: "Reviewed-by: B <b@x>" },
    ]);
    expect(pair!.files).toEqual([]);
  });

  it("a file touched by one version only is listed as added or removed", () => {
    const other = fileDiff(1, "+c\n").replaceAll("f.c", "g.c");
    const [pair] = interdiff(
      [patch(1, "f: fix", fileDiff(1, "+c\n"))],
      [patch(1, "f: fix", fileDiff(1, "+c\n") + other)],
    );
    expect(pair!.files.map((f) => `${f.status} ${f.path}`)).toEqual(["added g.c"]);
    expect(pair!.unchangedFiles).toBe(1);
  });

  it("a file rewritten beyond the edit limit is flagged instead of compared line by line", () => {
    const many = (prefix: string) => Array.from({ length: 2500 }, (_, i) => `+${prefix}${i}\n`).join("");
    const [pair] = interdiff(
      [patch(1, "f", fileDiff(1, many("x")))],
      [patch(1, "f", fileDiff(1, many("y")))],
    );
    expect(pair!.files[0]).toMatchObject({ status: "changed", tooDifferent: true, hunks: [] });
  });
});
