import fs from "node:fs";

import { describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import { fixtureDirs, loadSeriesMessages, patchew } from "./test-support/load-mails";
import { shuffled } from "./test-support/msg";
import type { PlannedSeries, SeriesPlan } from "./types";

// patchew's test mails (lib/mail/__fixtures__/patchew/README.md): each "should derive"
// row about series, versions, replies, tags and dependencies is an assertion here.
// Each file is assembled alone unless its row says the files go together.

async function plan(...names: string[]): Promise<SeriesPlan> {
  const messages = await loadSeriesMessages(patchew(...names));
  const result = assembleSeries(messages);
  expect(assembleSeries(shuffled(messages, 99))).toEqual(result);
  return result;
}

function only(p: SeriesPlan): PlannedSeries {
  expect(p.series).toHaveLength(1);
  return p.series[0]!;
}

const FAM = "20160628014747.20971";
const tags = (
  s: PlannedSeries,
  index: number,
  origins = ["reply-to-patch", "reply-to-cover", "range-reply"],
) =>
  s.patches
    .find((p) => p.index === index)!
    .trailers.filter((t) => origins.includes(t.origin))
    .map((t) => t.line);

describe("patchew test mails", () => {
  it("every message of every mail file is classified exactly once", async () => {
    const files = fs
      .readdirSync(fixtureDirs.patchew)
      .filter((f) => /^\d{4}-.*\.gz$/.test(f) && !f.endsWith(".json.gz"));
    for (const f of files) {
      if (f.startsWith("0037")) continue; // git-am input with no Message-Id, not for import
      const messages = await loadSeriesMessages(patchew(f));
      const p = assembleSeries(messages);
      expect(p.classifications.map((c) => c.msgid).sort(), f).toEqual(messages.map((m) => m.msgid).sort());
    }
  });

  it("0001: one complete single-patch series, version 1, no replies, with its stripped subject and sender", async () => {
    expect(only(await plan("0001-simple-patch.mbox.gz"))).toMatchObject({
      headMsgid: `${FAM}-1-famz@redhat.com`,
      coverMsgid: null,
      title: "quorum: Only compile when supported",
      author: { name: "Fam Zheng", email: "famz@redhat.com" },
      version: 1,
      total: 1,
      complete: true,
      replyMsgids: [],
      date: new Date("2016-06-28T01:47:47Z"),
    });
  });

  it("0002: trailer names match in any case but are kept as written", async () => {
    const s = only(await plan("0002-unusual-cased-tags.mbox.gz"));
    const lines = s.patches[0]!.trailers.map((t) => `${t.kind}: ${t.person?.name} <${t.person?.email}>`);
    expect(lines).toEqual(
      expect.arrayContaining([
        "Reviewed-By: Fam Zheng <famz@redhat.com>",
        "tESTed-bY: Fam Zheng <famz@redhat.com>",
      ]),
    );
    // The reviewer is the author himself, which DESIGN.md does not count as review.
    expect(s.reviewed).toBe(false);
  });

  it("0003: a Reviewed-by in a reply counts for the patch it answers; 2 replies; reviewed", async () => {
    const s = only(await plan("0003-single-patch-reviewed.mbox.gz"));
    expect(s.replyMsgids).toHaveLength(2);
    expect(tags(s, 1)).toEqual(["Reviewed-by: Aurelien Jarno <aurelien@aurel32.net>"]);
    expect(s.reviewed).toBe(true);
  });

  it("0004: cover v4 of 2, complete; two replies to the cover; its Reviewed-by covers both patches", async () => {
    const p = await plan("0004-multiple-patch-reviewed.mbox.gz");
    const s = only(p);
    expect(s).toMatchObject({ version: 4, total: 2, complete: true, reviewed: true });
    expect(s.headMsgid).toBe(s.coverMsgid);
    expect(s.title).toBe("Report format specific info for LUKS block driver");
    expect(s.patches.map((x) => x.index)).toEqual([1, 2]);
    expect([...s.replyMsgids].sort()).toEqual([
      "5792265A.5070507@redhat.com",
      "e0858c00-ccb6-e533-ee3e-9ba84ca45a7b@redhat.com",
    ]);
    for (const i of [1, 2]) {
      expect(tags(s, i)).toEqual(["Reviewed-by: Eric Blake <eblake@redhat.com>"]);
      expect(tags(s, i, ["reply-to-cover"])).toHaveLength(1);
      expect(tags(s, i, ["in-patch"]).filter((l) => !/^signed-off-by/i.test(l))).toEqual([]);
    }
  });

  it("0012: the same series without patch 2/2 is incomplete, with 2 replies, and not reviewed", async () => {
    const s = only(await plan("0012-incomplete-series.mbox.gz"));
    expect(s).toMatchObject({ total: 2, complete: false, reviewed: false });
    expect(s.patches.map((x) => x.index)).toEqual([1]);
    expect(s.replyMsgids).toHaveLength(2);
  });

  it("0009: v1, v2, v3 share a topic; v3 dated before v2 does not obsolete it, so v1 is obsoleted by v2", async () => {
    const p = await plan("0009-obsolete-by.mbox.gz");
    const v = (n: number) => p.series.find((s) => s.version === n)!;
    expect(p.series.map((s) => s.version).sort()).toEqual([1, 2, 3]);
    expect(v(1).obsoletedBy).toBe(v(2).headMsgid);
    expect(v(2).obsoletedBy).toBeNull();
    expect(v(3).obsoletedBy).toBeNull();
    expect(v(1).revisions).toEqual([v(2).headMsgid, v(3).headMsgid]);
    expect(v(2).revisions).toEqual([v(1).headMsgid, v(3).headMsgid]);
    expect(v(3).revisions).toEqual([v(1).headMsgid, v(2).headMsgid]);
    expect(new Set(p.series.map((s) => s.topic)).size).toBe(1);
    const why = p.revisionLinks.find((l) => l.newer === v(3).headMsgid)!;
    expect(why.detail).toContain("not dated earlier");
  });

  it("0030: v3 dated last obsoletes v1 and v2", async () => {
    const p = await plan("0030-obsolete-by-v3.mbox.gz");
    const v3 = p.series.find((s) => s.version === 3)!;
    expect(p.series.filter((s) => s.version < 3).map((s) => s.obsoletedBy)).toEqual([
      v3.headMsgid,
      v3.headMsgid,
    ]);
    expect(v3.obsoletedBy).toBeNull();
  });

  it("0031: a Supersedes: in a PULL cover obsoletes the first pull although the subjects differ", async () => {
    const p = await plan("0031-supersedes-embedded.mbox.gz");
    const first = p.series.find((s) => s.headMsgid === "20200110173215.3865-1-quintela@redhat.com")!;
    const second = p.series.find((s) => s !== first)!;
    expect(p.series).toHaveLength(2);
    expect([first.isPull, second.isPull, first.patches.length, second.patches.length]).toEqual([
      true,
      true,
      0,
      0,
    ]);
    expect(first.obsoletedBy).toBe(second.headMsgid);
    expect(second.obsoletedBy).toBeNull();
    expect(first.topic).toBe(second.topic);
    expect(p.revisionLinks.map((l) => l.reason)).toEqual(["supersedes"]);
  });

  it("0032: a Supersedes: in someone else's reply links v5 to v6 although the title changed", async () => {
    const p = await plan("0032-supersedes-separate.mbox.gz");
    const v5 = p.series.find((s) => s.version === 5)!;
    const v6 = p.series.find((s) => s.version === 6)!;
    expect(v5.obsoletedBy).toBe(v6.headMsgid);
    expect(p.revisionLinks).toEqual([
      expect.objectContaining({ older: v5.headMsgid, newer: v6.headMsgid, reason: "supersedes" }),
    ]);
  });

  it("0010: an EDK2 cover letter with none of its 3 patches is a series", async () => {
    const s = only(await plan("0010-invalid-byte.mbox.gz"));
    expect(s).toMatchObject({ total: 3, patches: [], complete: false });
    expect(s.coverMsgid).toBe(s.headMsgid);
    expect(s.title).toBe('Revert "ShellPkg: Fix echo to support displaying special characters"');
  });

  it.each([["0014-bar-patch.mbox.gz"], ["0015-bar-patch-with-brackets.mbox.gz"]])(
    "0013 + %s: Based-on makes the bar series depend on the foo series",
    async (bar) => {
      const p = await plan("0013-foo-patch.mbox.gz", bar);
      expect(p.series.find((s) => s.title === "bar patch")!.basedOn).toEqual([`${FAM}-1-famz@redhat.com`]);
    },
  );

  it("0013 + 0025: a review arriving later is collected, but it is the author's own so it does not make the series reviewed", async () => {
    expect(only(await plan("0013-foo-patch.mbox.gz")).patches[0]!.trailers.map((t) => t.key)).toEqual([
      "signed-off-by",
    ]);
    const foo = only(await plan("0013-foo-patch.mbox.gz", "0025-foo-patch-review.mbox.gz"));
    expect(tags(foo, 1)).toEqual(["Reviewed-by: Fam Zheng <famz@redhat.com>"]);
    // patchew's README says "becomes reviewed", but the made-up review is signed by the
    // patch's own author (famz@redhat.com). DESIGN.md counts only reviews "from someone
    // other than its author", so the series stays unreviewed; see the next case.
    expect(foo.reviewed).toBe(false);
  });

  it("0013 + 0025 with the review sent by someone else: the series becomes reviewed", async () => {
    const messages = await loadSeriesMessages(
      patchew("0013-foo-patch.mbox.gz", "0025-foo-patch-review.mbox.gz"),
    );
    const other = { name: "Kevin Wolf", email: "kwolf@redhat.com" };
    const review = messages[1]!;
    const patched = [
      messages[0]!,
      { ...review, from: other, trailers: review.trailers.map((t) => ({ ...t, person: other })) },
    ];
    expect(only(assembleSeries(patched)).reviewed).toBe(true);
  });

  it("0013, 0025, 0026, 0027: a Based-on in a reply changes the foo series' base to the bar series", async () => {
    const p = await plan(
      "0013-foo-patch.mbox.gz",
      "0025-foo-patch-review.mbox.gz",
      "0026-bar-patch-standalone.mbox.gz",
      "0027-foo-patch-based-on.mbox.gz",
    );
    const foo = p.series.find((s) => s.headMsgid === `${FAM}-1-famz@redhat.com`)!;
    const bar = p.series.find((s) => s !== foo)!;
    expect(foo.basedOn).toEqual([bar.headMsgid]);
    expect(bar.basedOn).toEqual([]);
  });

  it("0034: a lone 11/11 of v6 is an incomplete series of 11", async () => {
    expect(only(await plan("0034-rename-only-patch.mbox.gz"))).toMatchObject({
      version: 6,
      total: 11,
      complete: false,
    });
  });

  it("0023: patch 1 of 7 without its cover is an incomplete series of 7", async () => {
    const s = only(await plan("0023-multiple-project-patch.mbox.gz"));
    expect(s).toMatchObject({ total: 7, complete: false });
    expect(s.patches.map((x) => x.index)).toEqual([1]);
  });

  it("0007: patch 1 of 2 whose cover is missing is an incomplete series", async () => {
    const s = only(await plan("0007-invalid-charset.mbox.gz"));
    expect(s).toMatchObject({ total: 2, complete: false, coverMsgid: null });
  });

  it("0005: a reply whose parent is not in the corpus counts for no series", async () => {
    const p = await plan("0005-non-utf-8.mbox.gz");
    expect(p.series).toEqual([]);
    expect(p.classifications).toEqual([expect.objectContaining({ role: "reply", series: null })]);
    expect(p.classifications[0]!.reason).toMatch(/not in the archive$/);
  });

  it("0038: [PULL 03/15] carrying a diff is patch 3 of 15", async () => {
    const s = only(await plan("0038-octet-stream.mbox.gz"));
    expect(s).toMatchObject({ total: 15, isPull: true, complete: false });
    expect(s.patches.map((x) => x.index)).toEqual([3]);
  });

  it("0018 and 0020: RESEND is a prefix, not part of the title; [PATCH v2] is version 2", async () => {
    expect(only(await plan("0018-mime-word-recipient.mbox.gz")).title).toBe(
      "vl: only display available accelerators",
    );
    expect(only(await plan("0020-libvirt.mbox.gz"))).toMatchObject({
      version: 2,
      title: "vcpupin: add clear feature",
    });
  });
});
