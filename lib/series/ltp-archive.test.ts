import { beforeAll, describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import { fixtureDirs, loadSeriesMessages } from "./test-support/load-mails";
import { shuffled } from "./test-support/msg";
import type { PlannedPatch, PlannedSeries, SeriesMessage, SeriesPlan } from "./types";

// Six months of ltp@lists.linux.it (prisma/seed/README.md): 2,395 messages, 711 patch
// mails of which 66 are cover letters. Invariants over the whole archive, then threads
// checked by hand against the archive.
let messages: SeriesMessage[];
let plan: SeriesPlan;

beforeAll(async () => {
  messages = await loadSeriesMessages([fixtureDirs.ltp]);
  plan = assembleSeries(messages);
}, 120_000);

function series(head: string): PlannedSeries {
  const s = plan.series.find((x) => x.headMsgid === head);
  if (!s) throw new Error(`no series ${head}`);
  return s;
}

/** A patch's credit tags (every `*-by` but Signed-off-by) as "origin line", in plan order. */
function tags(p: PlannedPatch): string[] {
  return p.trailers
    .filter((t) => t.key.endsWith("-by") && t.key !== "signed-off-by")
    .map((t) => `${t.origin} ${t.line}`);
}

function link(older: string, newer: string) {
  return plan.revisionLinks.find((l) => l.older === older && l.newer === newer);
}

describe("the LTP archive", () => {
  it("classifies every one of its 2,395 messages exactly once", () => {
    expect(messages).toHaveLength(2395);
    expect(plan.classifications.map((c) => c.msgid)).toEqual(
      [...new Set(messages.map((m) => m.msgid))].sort(),
    );
  });

  it("puts no patch in two series, and every series has one head", () => {
    const patches = plan.series.flatMap((s) => s.patches.map((p) => p.msgid));
    expect(new Set(patches).size).toBe(patches.length);
    const heads = plan.series.map((s) => s.headMsgid);
    expect(new Set(heads).size).toBe(heads.length);
    const patchRoles = plan.classifications.filter((c) => c.role === "patch").length;
    expect(patchRoles).toBe(patches.length);
  });

  it("finds series, revisions and reviews in sane numbers", () => {
    const s = plan.series;
    const counts = {
      series: s.length,
      complete: s.filter((x) => x.complete).length,
      revisionLinks: plan.revisionLinks.length,
      obsoleted: s.filter((x) => x.obsoletedBy).length,
      reviewed: s.filter((x) => x.reviewed).length,
      coverLetters: s.filter((x) => x.coverMsgid).length,
    };
    console.log(`LTP plan: ${JSON.stringify(counts)}`);
    expect(counts.series).toBeGreaterThan(300);
    expect(counts.series).toBeLessThan(711);
    expect(counts.complete / counts.series).toBeGreaterThan(0.9);
    expect(counts.coverLetters).toBe(66);
    expect(counts.obsoleted).toBeGreaterThan(100);
    expect(counts.reviewed).toBeGreaterThan(100);
  });

  it("gives the identical plan for the messages in any order", () => {
    for (const seed of [1, 2]) expect(assembleSeries(shuffled(messages, seed))).toEqual(plan);
  });
});

describe("LTP threads checked by hand", () => {
  const fileAttr = [
    "20250804-file_setattr_getattr-v1-0-6a43c3962c87@suse.com",
    "20250804-file_setattr_getattr-v2-0-651e50ec59e7@suse.com",
    "20250805-file_setattr_getattr-v3-0-67a7747d226c@suse.com",
    "20250805-file_setattr_getattr-v4-0-08e23354abc8@suse.com",
    "20250805-file_setattr_getattr-v5-0-2bc4d18e0033@suse.com",
    "20250807-file_setattr_getattr-v6-0-ebe32b282d49@suse.com",
  ];

  it("file_setattr/file_getattr (b4, v1 to v6): six complete series, the last obsoletes the others", () => {
    const all = fileAttr.map(series);
    expect(all.map((s) => [s.version, s.total, s.patches.length, s.complete])).toEqual([
      [1, 6, 6, true],
      [2, 6, 6, true],
      [3, 6, 6, true],
      [4, 7, 7, true],
      [5, 7, 7, true],
      [6, 7, 7, true],
    ]);
    expect(all.map((s) => s.obsoletedBy)).toEqual([...Array(5).fill(fileAttr[5]), null]);
    expect(series(fileAttr[5]!).revisions).toEqual(fileAttr.slice(0, 5));
    // Each b4 cover letter links all earlier versions ("Link to v1: …").
    const v5tov6 = plan.revisionLinks.find((l) => l.older === fileAttr[4] && l.newer === fileAttr[5]);
    expect(v5tov6?.reason).toBe("previous-version-link");
  });

  it("autotools: Remove old checks v2: a Reviewed-by on the cover letter counts for all three patches", () => {
    const s = series("20250808110102.454689-1-pvorel@suse.cz");
    expect(s).toMatchObject({ version: 2, total: 3, complete: true, reviewed: true, obsoletedBy: null });
    for (const p of s.patches) {
      expect(p.trailers).toContainEqual(
        expect.objectContaining({
          line: "Reviewed-by: Li Wang <liwang@redhat.com>",
          origin: "reply-to-cover",
          fromMsgid: "CAEemH2c+w8T-2+ny290ahfMt6PAAXZyTrE9oqK1oNakhyYerYw@mail.gmail.com",
        }),
      );
    }
    // Avinesh Kumar answered 1/3 with "Reviewed-by: …" and "for all patches in this series."
    // on the next line <12721614.O9o76ZdvQC@thinkpad>: his tag counts for 2/3 and 3/3 too.
    const avinesh = "Reviewed-by: Avinesh Kumar <akumar@suse.de>";
    expect(
      s.patches.map((p) =>
        p.trailers.filter((t) => t.line === avinesh).map((t) => `${t.origin} ${t.fromMsgid}`),
      ),
    ).toEqual([
      ["reply-to-patch 12721614.O9o76ZdvQC@thinkpad"],
      ["range-reply 12721614.O9o76ZdvQC@thinkpad"],
      ["range-reply 12721614.O9o76ZdvQC@thinkpad"],
    ]);
    expect(series("20250808105528.451372-1-pvorel@suse.cz").obsoletedBy).toBe(s.headMsgid);
  });

  it("open: fix cleanup condition: a lone v2 1/2 sent in reply to a review is an incomplete series, obsoleted by v3", () => {
    const lone = series("20260217122245.5806-1-always.starving0@gmail.com");
    expect(lone).toMatchObject({ version: 2, total: 2, complete: false, coverMsgid: null });
    expect(lone.patches.map((p) => p.index)).toEqual([1]);
    expect(lone.obsoletedBy).toBe("20260219141532.6513-1-always.starving0@gmail.com");
    // The full v2 posted the next day is a revision of the same topic, and complete.
    expect(series("20260218144747.2771-1-always.starving0@gmail.com")).toMatchObject({
      complete: true,
      version: 2,
    });
    expect(lone.revisions).toEqual([
      "20260212132221.4231-1-always.starving0@gmail.com",
      "20260218144747.2771-1-always.starving0@gmail.com",
      "20260219141532.6513-1-always.starving0@gmail.com",
    ]);
  });

  it("fspick01.c: a [PATCH v2 0/2] cover sent with [PATCH v3 i/2] patches in one git send-email run is one complete series, version 3", () => {
    // [PATCH v1] <20250820002556.26865-1-wegao@suse.com>, [PATCH v2 0/2] <20250822034215.28533-1-wegao@suse.com>,
    // then the third posting: [PATCH v2 0/2] cover, [PATCH v3 1/2] and [PATCH v3 2/2] patches
    // <20250822040501.28640-1-wegao@suse.com>, then [PATCH v4 0/2] <20250822063331.28886-1-wegao@suse.com>,
    // each in reply to the cover letter before it.
    const ids = [
      "20250820002556.26865-1-wegao@suse.com",
      "20250822034215.28533-1-wegao@suse.com",
      "20250822040501.28640-1-wegao@suse.com",
      "20250822063331.28886-1-wegao@suse.com",
    ];
    const s = series(ids[2]!);
    expect(s.patches.map((p) => p.msgid)).toEqual([
      "20250822040501.28640-2-wegao@suse.com",
      "20250822040501.28640-3-wegao@suse.com",
    ]);
    expect(s).toMatchObject({ version: 3, total: 2, complete: true, coverMsgid: ids[2] });
    expect(ids.map((id) => series(id).version)).toEqual([1, 2, 3, 4]);
    // v4 obsoletes all three; the v2 posting is a revision of the v3 one (posted in reply to it).
    expect(ids.map((id) => series(id).obsoletedBy)).toEqual([ids[3], ids[3], ids[3], null]);
    expect(s.revisions).toEqual([ids[0], ids[1], ids[3]]);
    expect(link(ids[1]!, ids[2]!)?.reason).toBe("reply-to-previous");
    expect(link(ids[2]!, ids[3]!)?.reason).toBe("reply-to-previous");
    expect(plan.classifications.find((c) => c.msgid === ids[2])?.reason).toBe(
      `cover letter of series ${ids[2]} (2 of 2 patches present; its subject says v2, the patches sent in the same run v3, so the series is v3)`,
    );
  });

  it("new cmd support option for needs_cmds: a [PATCH v1 0/2] cover saying 'Changes in v2' sent with [PATCH v2 i/2] patches is version 2, a revision of v1", () => {
    // [PATCH v1 0/2] new cmd support option for needs_cmds <20250926085021.22141-1-wegao@suse.com>
    // [PATCH v1 0/2] (body: "Changes in v2"), [PATCH v2 1/2], [PATCH v2 2/2] <20250928232708.24007-1-wegao@suse.com>
    // [PATCH v3 0/4] <20251010064745.31361-1-wegao@suse.com>, in reply to the v2 1/2.
    const v1 = "20250926085021.22141-1-wegao@suse.com";
    const v2 = "20250928232708.24007-1-wegao@suse.com";
    const v3 = "20251010064745.31361-1-wegao@suse.com";
    expect(series(v2)).toMatchObject({ version: 2, total: 2, complete: true, coverMsgid: v2 });
    expect(series(v2).patches.map((p) => p.msgid)).toEqual([
      "20250928232708.24007-2-wegao@suse.com",
      "20250928232708.24007-3-wegao@suse.com",
    ]);
    expect(series(v1).version).toBe(1);
    expect(link(v1, v2)?.reason).toBe("reply-to-previous");
    expect(link(v2, v3)?.reason).toBe("reply-to-previous");
    expect(link(v2, v3)?.detail).toMatch(/^v3 \S+ is a revision of v2 /);
    // v7 <20260109061716.20258-1-wegao@suse.com> obsoletes every earlier posting.
    expect([v1, v2, v3].map((id) => series(id).obsoletedBy)).toEqual(
      Array(3).fill("20260109061716.20258-1-wegao@suse.com"),
    );
  });

  it("thermal: add new test group: numbering restarted at v1, and v11 still obsoletes all fifteen earlier postings", () => {
    const v11 = "20260304130658.262532-2-piotr.kubaj@intel.com";
    const topic = plan.series.filter((s) => s.topic === series(v11).topic);
    expect(topic).toHaveLength(16);
    expect(topic.filter((s) => s.headMsgid !== v11).every((s) => s.obsoletedBy === v11)).toBe(true);
  });

  it("ioctl_pidfd01 (b4, v1 to v3): a new subject at every version, linked by the b4 'Link to vN' lines; v3 obsoletes both, and the v2 review is not carried to the rewritten v3", () => {
    // [PATCH] Disable io_uring fd in ioctl_pidfd01 for selinux
    //   <20250729-ioctl_pidfd01_selinux-v1-1-432e100a5a53@suse.com>
    // [PATCH v2] ioctl_pidfd01: disable with SELinux enforcing policy
    // [PATCH v3] ioctl_pidfd01: check EACCESS error when SELinux is enabled
    const ids = [
      "20250729-ioctl_pidfd01_selinux-v1-1-432e100a5a53@suse.com",
      "20250729-ioctl_pidfd01_selinux-v2-1-2d92c0e56b25@suse.com",
      "20250730-ioctl_pidfd01_selinux-v3-1-be5a56358b78@suse.com",
    ];
    const all = ids.map(series);
    expect(all.map((s) => [s.version, s.title, s.total, s.complete])).toEqual([
      [1, "Disable io_uring fd in ioctl_pidfd01 for selinux", 1, true],
      [2, "ioctl_pidfd01: disable with SELinux enforcing policy", 1, true],
      [3, "ioctl_pidfd01: check EACCESS error when SELinux is enabled", 1, true],
    ]);
    expect(all.map((s) => s.obsoletedBy)).toEqual([ids[2], ids[2], null]);
    expect(series(ids[2]!).revisions).toEqual(ids.slice(0, 2));
    expect(link(ids[0]!, ids[1]!)?.reason).toBe("previous-version-link");
    expect(link(ids[1]!, ids[2]!)?.reason).toBe("previous-version-link");
    // Nine replies to v1 and no tag; Avinesh Kumar reviewed v2, Petr Vorel v3 ("verify for EACCESS only": another diff).
    expect(all.map((s) => s.reviewed)).toEqual([false, true, true]);
    expect(all.map((s) => tags(s.patches[0]!))).toEqual([
      [],
      ["reply-to-patch Reviewed-by: Avinesh Kumar <akumar@suse.de>"],
      ["reply-to-patch Reviewed-by: Petr Vorel <pvorel@suse.cz>"],
    ]);
  });

  it("setxattrat coverage v2: a 10-patch series reviewed patch by patch, 4 patches without a review, is not reviewed", () => {
    // [PATCH v2 00/10] setxattrat coverage <20251007-xattrat-v2-0-bf458fa66358@suse.com>
    const s = series("20251007-xattrat-v2-0-bf458fa66358@suse.com");
    expect(s).toMatchObject({
      coverMsgid: "20251007-xattrat-v2-0-bf458fa66358@suse.com",
      version: 2,
      total: 10,
      complete: true,
      reviewed: false,
      obsoletedBy: null,
    });
    expect(s.patches.map((p) => p.msgid)).toEqual(
      Array.from({ length: 10 }, (_, i) => `20251007-xattrat-v2-${i + 1}-bf458fa66358@suse.com`),
    );
    // Cyril Hrubis gave Reviewed-by to 01-03 and 06-08; on 04, 05, 09 and 10 he asked for changes.
    const cyril = ["reply-to-patch Reviewed-by: Cyril Hrubis <chrubis@suse.cz>"];
    expect(s.patches.map(tags)).toEqual([cyril, cyril, cyril, [], [], cyril, cyril, cyril, [], []]);
    expect(s.replyMsgids).toHaveLength(17);
  });

  it("Remove runltp v2: a review of the cover plus patch-by-patch tags; a reply whose parent is not in the archive still counts, a Reviewed-by only quoted does not", () => {
    // [PATCH v2 0/6] Remove runltp <20260205121540.329921-1-pvorel@suse.cz>
    const v2 = series("20260205121540.329921-1-pvorel@suse.cz");
    expect(v2).toMatchObject({ version: 2, total: 6, complete: true, reviewed: true, obsoletedBy: null });
    // v1 had 4 patches; v2 added "pan: Remove" and "tools: Remove tools used by runltp".
    expect(series("20260204115339.224261-1-pvorel@suse.cz")).toMatchObject({
      version: 1,
      total: 4,
      complete: true,
      reviewed: false,
      obsoletedBy: v2.headMsgid,
    });
    const andrea = "reply-to-cover Reviewed-by: Andrea Cervesato <andrea.cervesato@suse.com>";
    const cyril = "reply-to-patch Reviewed-by: Cyril Hrubis <chrubis@suse.cz>";
    const anders = "reply-to-patch Reviewed-by: Anders Roxell <anders.roxell@linaro.org>";
    const jan = "reply-to-patch Acked-by: Jan Stancek <jstancek@redhat.com>";
    // Cyril only commented on 1/6; Andrea's review of the cover covers it.
    expect(v2.patches.map(tags)).toEqual([
      [andrea],
      [cyril, andrea],
      [cyril, anders, jan, andrea],
      [cyril, andrea],
      [cyril, andrea],
      [cyril, anders, andrea],
    ]);
    // Anders Roxell answered Enji Cooper's mails, which the archive lacks: his tags count for the patch
    // above them in References, and Enji's "> Reviewed-by:" that he quoted counts for nothing.
    const andersOn3 = v2.patches[2]!.trailers.find((t) => t.person?.email === "anders.roxell@linaro.org");
    expect(andersOn3?.fromMsgid).toBe("CADYN=9JyZdFvFJYF+pnmxin=2_ND0Kmfm90XO726v1LFNdB0KQ@mail.gmail.com");
    expect(messages.some((m) => m.msgid === "E8C09635-59E1-4DB0-A223-7D05616029E4@gmail.com")).toBe(false);
    const people = v2.patches.flatMap((p) => p.trailers.map((t) => t.person?.email));
    expect(people).not.toContain("yaneurabeya@gmail.com");
  });

  it("lib/tst_test: Fix FS kernel supported check: a Tested-by in the patch, two reviews, and a Reported-by that the maintainer added for the reporter", () => {
    // [PATCH] lib/tst_test: Fix FS kernel supported check <20251027150924.17679-1-chrubis@suse.cz>
    const s = series("20251027150924.17679-1-chrubis@suse.cz");
    expect(s).toMatchObject({ version: 1, total: 1, complete: true, reviewed: true, obsoletedBy: null });
    // Both replies quote "> Tested-by: Anders Roxell"; that adds nothing.
    expect(tags(s.patches[0]!)).toEqual([
      "in-patch Tested-by: Anders Roxell <anders.roxell@linaro.org>",
      "reply-to-patch Reviewed-by: Li Wang <liwang@redhat.com>",
      "reply-to-patch Reported-by: Anders Roxell <anders.roxell@linaro.org>",
      "reply-to-patch Reviewed-by: Petr Vorel <pvorel@suse.cz>",
    ]);
    const reported = s.patches[0]!.trailers.find((t) => t.key === "reported-by");
    expect(reported).toMatchObject({
      fromMsgid: "20251029083608.GA622025@pevik",
      sender: { email: "pvorel@suse.cz" },
      senderMismatch: true,
    });
    expect([...s.replyMsgids].sort()).toEqual(
      [
        "CAEemH2cLDd6JvbXgL514mJ5LJ2aQRWz3gacngYdjd4Ddw6XG_g@mail.gmail.com",
        "20251029083608.GA622025@pevik",
        "20251030182052.GA753621@pevik",
      ].sort(),
    );
  });

  it("ioctl_pidfd05: accept both EINVAL and ENOTTY: v2 gets two Tested-by and a Reviewed-by in replies and obsoletes v1", () => {
    // [PATCH v2] ioctl_pidfd05: accept both EINVAL and ENOTTY as valid errors
    //   <20251023164401.302967-1-naresh.kamboju@linaro.org>
    const v1 = series("20251022115704.46936-1-naresh.kamboju@linaro.org");
    const v2 = series("20251023164401.302967-1-naresh.kamboju@linaro.org");
    expect(v2).toMatchObject({ version: 2, total: 1, complete: true, reviewed: true, obsoletedBy: null });
    expect(tags(v2.patches[0]!)).toEqual([
      "reply-to-patch Tested-by: Anders Roxell <anders.roxell@linaro.org>",
      "reply-to-patch Tested-by: Avinesh Kumar <akumar@suse.de>",
      "reply-to-patch Reviewed-by: Avinesh Kumar <akumar@suse.de>",
    ]);
    // v1 only got Petr Vorel's requests for changes.
    expect(v1).toMatchObject({ version: 1, reviewed: false, obsoletedBy: v2.headMsgid });
    expect(tags(v1.patches[0]!)).toEqual([]);
    expect(v2.revisions).toEqual([v1.headMsgid]);
  });

  it("mount: check path exists before tst_is_mounted: a lone [PATCH v2 2/2] is an incomplete v2, and v1 with only 1/2 reviewed is not reviewed", () => {
    // [PATCH 1/2] tst_device: refine tst_is_mounted() <20250822072204.2191382-1-liwang@redhat.com>
    // [PATCH v2 2/2] mount: check path exists before tst_is_mounted in cleanup
    //   <20250822074811.2192404-1-liwang@redhat.com>, in reply to the author's own note on v1 2/2
    //   ("patch 1/2, keep no change, do not send v2").
    const v1 = series("20250822072204.2191382-1-liwang@redhat.com");
    const v2 = series("20250822074811.2192404-1-liwang@redhat.com");
    expect(v1).toMatchObject({ version: 1, total: 2, complete: true, reviewed: false, coverMsgid: null });
    expect(v1.patches.map(tags)).toEqual([["reply-to-patch Reviewed-by: Wei Gao <wegao@suse.com>"], []]);
    expect(v2).toMatchObject({ version: 2, total: 2, complete: false, reviewed: false, coverMsgid: null });
    expect(v2.patches.map((p) => [p.index, p.msgid])).toEqual([[2, v2.headMsgid]]);
    expect(tags(v2.patches[0]!)).toEqual([]);
    expect(link(v1.headMsgid, v2.headMsgid)?.reason).toBe("reply-to-previous");
  });

  it("checkpatch: Suppress warnings (RESEND v2, via the b4 relay): version 2 with the real author, and the 'Reported-by:' of its subject is no tag", () => {
    // [PATCH RESEND v2] checkpatch: Suppress warnings when Reported-by: is followed by Link:
    //   <20260113-checkpatch-v2-1-5dfe8b9f4d90@uniontech.com>
    const s = series("20260113-checkpatch-v2-1-5dfe8b9f4d90@uniontech.com");
    expect(s).toMatchObject({
      title: "checkpatch: Suppress warnings when Reported-by: is followed by Link:",
      version: 2,
      total: 1,
      complete: true,
      isRfc: false,
      reviewed: true,
      changeId: "20250919-checkpatch-0276787ebfbe",
      obsoletedBy: null,
      revisions: [],
    });
    // From: "Cryolitia PukNgae via B4 Relay via ltp" <ltp@lists.linux.it>; the From: line in the body names the author.
    expect(s.author).toEqual({ name: "Cryolitia PukNgae", email: "cryolitia@uniontech.com" });
    expect(tags(s.patches[0]!)).toEqual(["reply-to-patch Reviewed-by: Petr Vorel <pvorel@suse.cz>"]);
  });

  it("cve: add CVE-2025-38236 test (b4, three versions in a day): v3 carries v2's tags in the patch, and a retitled side thread stays a reply to v1", () => {
    // [PATCH] cve: add CVE-2025-38236 test <20250812-cve_2025_38236-v1-1-e3617ada69c6@suse.com>
    const ids = [
      "20250812-cve_2025_38236-v1-1-e3617ada69c6@suse.com",
      "20250812-cve_2025_38236-v2-1-76abeeaeaee6@suse.com",
      "20250812-cve_2025_38236-v3-1-48ce90adc216@suse.com",
    ];
    const [v1, v2, v3] = ids.map(series) as [PlannedSeries, PlannedSeries, PlannedSeries];
    expect([v1, v2, v3].map((s) => [s.version, s.complete, s.reviewed, s.obsoletedBy])).toEqual([
      [1, true, true, ids[2]],
      [2, true, true, ids[2]],
      [3, true, true, null],
    ]);
    // Petr Vorel sent his Reviewed-by and Tested-by for v1 in two mails, for v2 in one.
    expect(tags(v1.patches[0]!)).toEqual([
      "reply-to-patch Reviewed-by: Petr Vorel <pvorel@suse.cz>",
      "reply-to-patch Tested-by: Petr Vorel <pvorel@suse.cz>",
    ]);
    expect(
      v1.patches[0]!.trailers.filter((t) => t.origin === "reply-to-patch").map((t) => t.fromMsgid),
    ).toEqual(["20250812105127.GB835467@pevik", "20250812112546.GA843668@pevik"]);
    expect(tags(v2.patches[0]!)).toEqual([
      "reply-to-patch Reviewed-by: Petr Vorel <pvorel@suse.cz>",
      "reply-to-patch Tested-by: Petr Vorel <pvorel@suse.cz>",
    ]);
    expect(tags(v3.patches[0]!)).toEqual([
      "in-patch Reviewed-by: Petr Vorel <pvorel@suse.cz>",
      "in-patch Tested-by: Petr Vorel <pvorel@suse.cz>",
      "reply-to-patch Reviewed-by: Cyril Hrubis <chrubis@suse.cz>",
    ]);
    // "[LTP] [doc, runtest] [was: Re: [PATCH] cve: add CVE-2025-38236 test]" and its two answers.
    const sideThread = [
      "20250812114540.GC843668@pevik",
      "aJsu4qw72EZiKnSP@yuki.lan",
      "20250818060819.GA133791@pevik",
    ];
    for (const id of sideThread) {
      expect(plan.classifications.find((c) => c.msgid === id)).toMatchObject({
        role: "reply",
        series: ids[0],
      });
    }
    expect(v1.replyMsgids).toHaveLength(14);
    expect(v1.replyMsgids).toEqual(expect.arrayContaining(sideThread));
  });

  it("open_tree_attr syscall coverage (b4, v1 to v3): the review of the unchanged patch 1 carries over to v3, that of the rewritten patch 2 does not", () => {
    // [PATCH 0/2] open_tree_attr syscall coverage <20250828-open_tree_attr-v1-0-f339a0e51e22@suse.com>
    const ids = [
      "20250828-open_tree_attr-v1-0-f339a0e51e22@suse.com",
      "20250902-open_tree_attr-v2-0-b23d2585986d@suse.com",
      "20250917-open_tree_attr-v3-0-d78d4150b662@suse.com",
    ];
    const [v1, v2, v3] = ids.map(series) as [PlannedSeries, PlannedSeries, PlannedSeries];
    expect([v1, v2, v3].map((s) => [s.version, s.total, s.complete, s.reviewed, s.obsoletedBy])).toEqual([
      [1, 2, true, false, ids[2]],
      [2, 2, true, true, ids[2]],
      [3, 2, true, false, null],
    ]);
    const petr = "Reviewed-by: Petr Vorel <pvorel@suse.cz>";
    expect(v2.patches.map(tags)).toEqual([[`reply-to-patch ${petr}`], [`reply-to-patch ${petr}`]]);
    // v3 1/2 has the same diff as v2 1/2; v3 2/2 was reworked ("define variants only when syscalls
    // are supported"), and nobody reviewed it again.
    const patchId = (id: string) => messages.find((m) => m.msgid === id)?.patchId;
    expect(patchId(v3.patches[0]!.msgid)).toBe(patchId(v2.patches[0]!.msgid));
    expect(patchId(v3.patches[1]!.msgid)).not.toBe(patchId(v2.patches[1]!.msgid));
    expect(v3.patches[0]!.trailers.filter((t) => t.origin === "carried")).toEqual([
      expect.objectContaining({
        line: petr,
        fromMsgid: "20250917120220.GA343943@pevik",
        carriedFrom: "20250902-open_tree_attr-v2-1-b23d2585986d@suse.com",
      }),
    ]);
    expect(tags(v3.patches[1]!)).toEqual([]);
  });
  it("swapon03 v2: Avinesh Kumar's Reviewed-by on 5/5 'for all patches in the series' and Li Wang's on 3/5 'For the patch set' count for all five patches", () => {
    // [PATCH v2 0/5] swapon03: Try to swapon() as many files until it fails
    //   <20251106163500.1063704-1-pvorel@suse.cz>
    // <12777454.O9o76ZdvQC@thinkpad> on 5/5: "Reviewed-by: …", a blank line, "for all patches in the series."
    // <CAEemH2ddtfdUZU3ToFn_stU+mE9ADQAHzWuK0mOj9nN39Jrj5w@mail.gmail.com> on 3/5: "For the patch set:" above the tag.
    const s = series("20251106163500.1063704-1-pvorel@suse.cz");
    expect(s).toMatchObject({ version: 2, total: 5, complete: true, reviewed: true });
    const avinesh = (o: string) => `${o} Reviewed-by: Avinesh Kumar <akumar@suse.de>`;
    const li = (o: string) => `${o} Reviewed-by: Li Wang <liwang@redhat.com>`;
    expect(s.patches.map(tags)).toEqual([
      [li("range-reply"), avinesh("range-reply")],
      [li("range-reply"), avinesh("range-reply")],
      ["in-patch Suggested-by: Michal Hocko <mhocko@suse.com>", li("reply-to-patch"), avinesh("range-reply")],
      [li("range-reply"), avinesh("range-reply")],
      [li("range-reply"), avinesh("reply-to-patch")],
    ]);
    for (const p of s.patches) {
      expect(p.trailers.find((t) => t.person?.email === "akumar@suse.de")?.fromMsgid).toBe(
        "12777454.O9o76ZdvQC@thinkpad",
      );
    }
  });

  it("swapon03 v1 and v3: a Reviewed-by on one patch '(for all patches in the series)' or 'for both patches' reviews the series", () => {
    // [PATCH 0/3] swapon03: Try to swapon() as many files until it fails <20251105154716.995786-1-pvorel@suse.cz>
    //   <3388220.aeNJFYEL58@thinkpad>, below a reply to 2/3: the tag, then "(for all patches in the series)";
    //   <CAEemH2fogMWAawF4eqWrLhJphMMq=V8GrO2DFuGxMKEp+zqZ_A@mail.gmail.com> on 2/3: "Anyway, the whole patch
    //   set looks good to me:" above Li Wang's tag.
    // [PATCH v3 0/2] swapon03: … <20251118143607.45308-1-pvorel@suse.cz>
    //   <12781063.O9o76ZdvQC@thinkpad> on 1/2: the tag, then "for both patches."
    const v1 = series("20251105154716.995786-1-pvorel@suse.cz");
    expect(v1).toMatchObject({ version: 1, total: 3, complete: true, reviewed: true });
    const avinesh = "Reviewed-by: Avinesh Kumar <akumar@suse.de>";
    const li = "Reviewed-by: Li Wang <liwang@redhat.com>";
    expect(v1.patches.map((p) => tags(p).filter((t) => !t.startsWith("in-patch")))).toEqual([
      [`range-reply ${li}`, `range-reply ${avinesh}`],
      [`reply-to-patch ${li}`, `reply-to-patch ${avinesh}`],
      [`range-reply ${li}`, `range-reply ${avinesh}`],
    ]);
    const v3 = series("20251118143607.45308-1-pvorel@suse.cz");
    expect(v3).toMatchObject({ version: 3, total: 2, complete: true, reviewed: true });
    expect(v3.patches.map((p) => p.trailers.find((t) => t.line === avinesh)?.origin)).toEqual([
      "reply-to-patch",
      "range-reply",
    ]);
    // Cyril Hrubis reviewed 1/2 only ("Reviewed-by" with no statement): it stays there.
    expect(v3.patches.map((p) => p.trailers.some((t) => t.person?.email === "chrubis@suse.cz"))).toEqual([
      true,
      false,
    ]);
  });

  it("tst_filesystems01.c v4: 'Otherwise for the whole patchset:', a blank line, then Li Wang's Reviewed-by on 1/3 reviews all three", () => {
    // [PATCH v4 0/3] tst_filesystems01.c: Add test for .filesystems <20251113015242.799-1-wegao@suse.com>
    // <CAEemH2ckPaOroqTW5q42AqT6=PO1N=6kbpKa2kej=kP8+S36ag@mail.gmail.com> on 1/3; Petr Vorel answered it
    // <20260122080204.GA47888@pevik>: "Also whole patchset LGTM." just above his tag.
    const s = series("20251113015242.799-1-wegao@suse.com");
    expect(s).toMatchObject({ version: 4, total: 3, complete: true, reviewed: true });
    const li = "Reviewed-by: Li Wang <liwang@redhat.com>";
    const petr = "Reviewed-by: Petr Vorel <pvorel@suse.cz>";
    expect(s.patches.map(tags)).toEqual([
      [
        "in-patch Reviewed-by: Petr Vorel <petr.vorel@gmail.com>",
        `reply-to-patch ${li}`,
        `reply-to-patch ${petr}`,
      ],
      [`range-reply ${li}`, `range-reply ${petr}`],
      [`range-reply ${li}`, `range-reply ${petr}`],
    ]);
    // v5 <20260123023635.29692-1-wegao@suse.com> was posted in reply to it the next day.
    expect(s.obsoletedBy).toBe("20260123023635.29692-1-wegao@suse.com");
  });

  it("tst_test.c: Minor return code cleanup: Avinesh Kumar's Reviewed-by on 8/8 'for all patches in the series' counts for 1/8 to 7/8", () => {
    // [PATCH 0/8] tst_test.c: Minor return code cleanup <20251107102939.1111074-1-pvorel@suse.cz>
    // <13884671.uLZWGnKmhe@thinkpad> on 8/8: a nit "(also applies in patch 6 and 7)", the tag, then
    // "for all patches in the series." on the next line.
    const s = series("20251107102939.1111074-1-pvorel@suse.cz");
    expect(s).toMatchObject({ version: 1, total: 8, complete: true, reviewed: true });
    expect(
      s.patches.map((p) => p.trailers.find((t) => t.person?.email === "akumar@suse.de")?.origin),
    ).toEqual([...Array(7).fill("range-reply"), "reply-to-patch"]);
  });

  it("LTP IMA pre-release fixes: Avinesh Kumar's Reviewed-by on 1/2 'for both the patches' counts for 2/2", () => {
    // [PATCH 0/2] LTP IMA pre-release fixes <20250912073210.47637-1-pvorel@suse.cz>
    // <12750853.O9o76ZdvQC@thinkpad>: the tag, then "for both the patches." (between quoted parts of 1/2).
    const s = series("20250912073210.47637-1-pvorel@suse.cz");
    expect(s).toMatchObject({ version: 1, total: 2, complete: true, reviewed: true });
    const avinesh = s.patches.map((p) => p.trailers.find((t) => t.person?.email === "akumar@suse.de"));
    expect(avinesh.map((t) => [t?.origin, t?.fromMsgid])).toEqual([
      ["reply-to-patch", "12750853.O9o76ZdvQC@thinkpad"],
      ["range-reply", "12750853.O9o76ZdvQC@thinkpad"],
    ]);
  });

  it("three more phrasings on one patch ('To series:', 'The rest whole patch set looks good:', 'Ack for both commits.') count for the whole series; 'For the rest also from me:' and 'The rest looks fine:' do not", () => {
    // [PATCH v2 0/2] __builtin___clear_cache() => __clear_cache() <20251012194946.370905-1-petr.vorel@gmail.com>
    //   Jan Stancek on 1/2 <CAASaF6zDpHVZoLnQM90bKuHFPjKozgmmx7qq=LLbDvisbbEHog@mail.gmail.com>: "To series:".
    const clearCache = series("20251012194946.370905-1-petr.vorel@gmail.com");
    expect(clearCache.reviewed).toBe(true);
    expect(
      clearCache.patches.map(
        (p) => p.trailers.find((t) => t.person?.email === "jstancek@redhat.com")?.origin,
      ),
    ).toEqual(["reply-to-patch", "range-reply"]);
    // [PATCH v2 1/2] libs: adopt tse_ prefix for extended (non-core) library
    //   <20260116022507.204549-1-liwang@redhat.com>, no cover letter; Petr Vorel, below a discussion of
    //   2/2 <20260128232616.GA69843@pevik>: "OK. Ack for both commits." above his Acked-by.
    const tse = series("20260116022507.204549-1-liwang@redhat.com");
    expect(tse).toMatchObject({ coverMsgid: null, total: 2, reviewed: true });
    expect(tse.patches.map(tags)).toEqual([
      ["range-reply Acked-by: Petr Vorel <pvorel@suse.cz>"],
      ["reply-to-patch Acked-by: Petr Vorel <pvorel@suse.cz>"],
    ]);
    // [PATCH v4 0/4] tst_runas.c, ima_{conditionals, measurements}.sh enhancements
    //   <20251209185557.20598-1-pvorel@suse.cz>: Li Wang on 1/4 "The rest whole patch set looks good:"
    //   <CAEemH2ej8-e_S4LgcKKkt08dUhyF0TreWp-QvXzQ1QGQYbywJg@mail.gmail.com>; Cyril Hrubis answered him
    //   "For the rest also from me:" <aULIhXrMA4dgTwGg@yuki.lan>, which names no series: 1/4 only.
    const runas = series("20251209185557.20598-1-pvorel@suse.cz");
    expect(runas).toMatchObject({ version: 4, total: 4, complete: true, reviewed: true });
    expect(runas.patches.map((p) => tags(p).filter((t) => !t.startsWith("in-patch")))).toEqual([
      [
        "reply-to-patch Reviewed-by: Li Wang <liwang@redhat.com>",
        "reply-to-patch Reviewed-by: Cyril Hrubis <chrubis@suse.cz>",
      ],
      ["range-reply Reviewed-by: Li Wang <liwang@redhat.com>"],
      ["range-reply Reviewed-by: Li Wang <liwang@redhat.com>"],
      ["range-reply Reviewed-by: Li Wang <liwang@redhat.com>"],
    ]);
    // [PATCH v3 0/6] file_setattr/file_getattr testing suite: Cyril Hrubis on 5/6 <aJHt3qyVIuhU7Z0X@yuki.lan>
    //   "The rest looks fine:" (the rest of that patch) above his tag: 5/6 only.
    const v3 = series(fileAttr[2]!);
    expect(
      v3.patches.map((p) => p.trailers.filter((t) => t.fromMsgid === "aJHt3qyVIuhU7Z0X@yuki.lan").length),
    ).toEqual([0, 0, 0, 0, 1, 0]);
  });
});
