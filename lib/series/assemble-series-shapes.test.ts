import { describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import { classificationOf, msg, seriesByHead, shape, shuffled } from "./test-support/msg";
import type { SeriesMessage } from "./types";

const bob = "Bob <bob@example.com>";

interface Case {
  name: string;
  messages: SeriesMessage[];
  shape: string[];
}

const cases: Case[] = [
  {
    name: "a cover letter with patches that all reply to it (shallow threading) is one series headed by the cover",
    messages: [
      msg({ id: "c", subject: "[PATCH 0/3] thing" }),
      msg({ id: "p1", subject: "[PATCH 1/3] a", inReplyTo: "c", date: 1 }),
      msg({ id: "p2", subject: "[PATCH 2/3] b", inReplyTo: "c", date: 2 }),
      msg({ id: "p3", subject: "[PATCH 3/3] c", inReplyTo: "c", date: 3 }),
    ],
    shape: ["c: 1=p1 2=p2 3=p3"],
  },
  {
    name: "patches that each reply to the previous one (deep threading) join the cover's series",
    messages: [
      msg({ id: "c", subject: "[PATCH v2 0/3] thing" }),
      msg({ id: "p1", subject: "[PATCH v2 1/3] a", inReplyTo: "c" }),
      msg({ id: "p2", subject: "[PATCH v2 2/3] b", inReplyTo: "p1", refs: ["c", "p1"] }),
      msg({ id: "p3", subject: "[PATCH v2 3/3] c", inReplyTo: "p2", refs: ["c", "p1", "p2"] }),
    ],
    shape: ["c: 1=p1 2=p2 3=p3"],
  },
  {
    name: "patches without a cover letter, chained to patch 1, form a series headed by patch 1 (patchew #86 showed none)",
    messages: [
      msg({ id: "p1", subject: "[PATCH 1/3] a" }),
      msg({ id: "p2", subject: "[PATCH 2/3] b", inReplyTo: "p1" }),
      msg({ id: "p3", subject: "[PATCH 3/3] c", inReplyTo: "p2", refs: ["p1", "p2"] }),
    ],
    shape: ["p1: 1=p1 2=p2 3=p3"],
  },
  {
    name: "a deep chain with a lost middle patch climbs References to the nearest present ancestor",
    messages: [
      msg({ id: "c", subject: "[PATCH 0/3] thing" }),
      msg({ id: "p1", subject: "[PATCH 1/3] a", inReplyTo: "c" }),
      msg({ id: "p3", subject: "[PATCH 3/3] c", inReplyTo: "p2", refs: ["c", "p1", "p2"] }),
    ],
    shape: ["c: 1=p1 3=p3"],
  },
  {
    name: "a shallow series whose cover letter is not in the archive stays together, headed by its lowest patch",
    messages: [
      msg({ id: "p2", subject: "[PATCH 2/3] b", inReplyTo: "gone" }),
      msg({ id: "p3", subject: "[PATCH 3/3] c", inReplyTo: "gone" }),
      msg({ id: "p1", subject: "[PATCH 1/3] a", inReplyTo: "gone" }),
    ],
    shape: ["p1: 1=p1 2=p2 3=p3"],
  },
  {
    name: "patches sent with no In-Reply-To or References at all are grouped by sender, version and N within an hour",
    messages: [
      msg({ id: "p1", subject: "[PATCH 1/3] a", date: 0 }),
      msg({ id: "p2", subject: "[PATCH 2/3] b", date: 2 }),
      msg({ id: "p3", subject: "[PATCH 3/3] c", date: 4 }),
      msg({ id: "q1", subject: "[PATCH 1/3] other work", date: 5, from: bob }),
      msg({ id: "r2", subject: "[PATCH 2/3] much later", date: 300 }),
    ],
    shape: ["p1: 1=p1 2=p2 3=p3", "q1: 1=q1", "r2: 2=r2"],
  },
  {
    name: "a cover letter and patches all sent without threading headers form one series",
    messages: [
      msg({ id: "c", subject: "[PATCH 0/2] thing", date: 0 }),
      msg({ id: "p1", subject: "[PATCH 1/2] a", date: 1 }),
      msg({ id: "p2", subject: "[PATCH 2/2] b", date: 2 }),
    ],
    shape: ["c: 1=p1 2=p2"],
  },
  {
    name: "two unthreaded series sent at the same time are told apart by their git send-email Message-IDs",
    messages: [
      msg({ id: "20240101000000.111-1-alice@example.com", subject: "[PATCH 1/2] a", date: 0 }),
      msg({ id: "20240101000000.222-1-alice@example.com", subject: "[PATCH 1/2] x", date: 1 }),
      msg({ id: "20240101000000.111-2-alice@example.com", subject: "[PATCH 2/2] b", date: 2 }),
      msg({ id: "20240101000000.222-2-alice@example.com", subject: "[PATCH 2/2] y", date: 3 }),
    ],
    shape: [
      "20240101000000.111-1-alice@example.com: 1=20240101000000.111-1-alice@example.com 2=20240101000000.111-2-alice@example.com",
      "20240101000000.222-1-alice@example.com: 1=20240101000000.222-1-alice@example.com 2=20240101000000.222-2-alice@example.com",
    ],
  },
  {
    name: "two unthreaded single patches from one author are two series, even minutes apart",
    messages: [
      msg({ id: "a", subject: "[PATCH] fix a", date: 0 }),
      msg({ id: "b", subject: "[PATCH] fix b", date: 3 }),
    ],
    shape: ["a: 1=a", "b: 1=b"],
  },
  {
    name: "a v2 cover letter sent in reply to v1's cover starts its own series (patchwork #127 merged them)",
    messages: [
      msg({ id: "c1", subject: "[PATCH 0/2] thing" }),
      msg({ id: "a1", subject: "[PATCH 1/2] a", inReplyTo: "c1" }),
      msg({ id: "b1", subject: "[PATCH 2/2] b", inReplyTo: "c1" }),
      msg({ id: "c2", subject: "[PATCH v2 0/2] thing", inReplyTo: "c1", date: 100 }),
      msg({ id: "a2", subject: "[PATCH v2 1/2] a", inReplyTo: "c2", refs: ["c1", "c2"], date: 101 }),
      msg({ id: "b2", subject: "[PATCH v2 2/2] b", inReplyTo: "c2", refs: ["c1", "c2"], date: 102 }),
    ],
    shape: ["c1: 1=a1 2=b1", "c2: 1=a2 2=b2"],
  },
  {
    name: "v2 patches without a cover, posted into v1's thread, form their own series",
    messages: [
      msg({ id: "c1", subject: "[PATCH 0/2] thing" }),
      msg({ id: "a1", subject: "[PATCH 1/2] a", inReplyTo: "c1" }),
      msg({ id: "b1", subject: "[PATCH 2/2] b", inReplyTo: "c1" }),
      msg({ id: "a2", subject: "[PATCH v2 1/2] a", inReplyTo: "c1", date: 100 }),
      msg({ id: "b2", subject: "[PATCH v2 2/2] b", inReplyTo: "c1", date: 101 }),
    ],
    shape: ["c1: 1=a1 2=b1", "a2: 1=a2 2=b2"],
  },
  {
    name: "a patch from someone else in reply to a cover letter is not part of that series",
    messages: [
      msg({ id: "c", subject: "[PATCH 0/2] thing" }),
      msg({ id: "p1", subject: "[PATCH 1/2] a", inReplyTo: "c" }),
      msg({ id: "x", subject: "[PATCH 2/2] b", inReplyTo: "c", from: bob }),
    ],
    shape: ["c: 1=p1", "x: 2=x"],
  },
  {
    name: "a patch whose N differs from the cover letter's is not part of it",
    messages: [
      msg({ id: "c", subject: "[PATCH 0/2] thing" }),
      msg({ id: "p1", subject: "[PATCH 1/2] a", inReplyTo: "c" }),
      msg({ id: "p9", subject: "[PATCH 1/3] a", inReplyTo: "c" }),
    ],
    shape: ["c: 1=p1", "p9: 1=p9"],
  },
  {
    name: "an unnumbered follow-up patch in reply to the author's own patch is a series of its own",
    messages: [
      msg({ id: "a", subject: "[PATCH] feature" }),
      msg({ id: "b", subject: "[PATCH] fix for the feature", inReplyTo: "a", date: 30 }),
    ],
    shape: ["a: 1=a", "b: 1=b"],
  },
  {
    name: "a cover letter with none of its patches present is a series of its own",
    messages: [msg({ id: "c", subject: "[PATCH 0/3] thing" })],
    shape: ["c:"],
  },
];

const caseNamed = (prefix: string) => cases.find((c) => c.name.startsWith(prefix))!;

describe("series shapes", () => {
  it.each(cases)("$name", ({ messages, shape: expected }) => {
    expect(shape(assembleSeries(messages))).toEqual(expected);
    for (let seed = 1; seed <= 5; seed++)
      expect(shape(assembleSeries(shuffled(messages, seed)))).toEqual(expected);
  });
});

describe("series facts", () => {
  it("a complete cover-letter series knows its version, size, author and subject", () => {
    const plan = assembleSeries(caseNamed("patches that each reply to the previous one").messages);
    expect(seriesByHead(plan, "c")).toMatchObject({
      coverMsgid: "c",
      version: 2,
      total: 3,
      complete: true,
      title: "thing",
      subject: "[PATCH v2 0/3] thing",
      author: { name: "Alice", email: "alice@example.com" },
      topicKey: "alice@example.com\nthing",
    });
  });

  it("a series missing a patch is incomplete", () => {
    expect(
      seriesByHead(assembleSeries(caseNamed("a deep chain with a lost middle patch").messages), "c"),
    ).toMatchObject({
      total: 3,
      complete: false,
    });
  });

  it("a single unnumbered patch is a complete series of one", () => {
    const plan = assembleSeries([msg({ id: "a", subject: "[PATCH] fix" })]);
    expect(seriesByHead(plan, "a")).toMatchObject({ coverMsgid: null, total: 1, complete: true, version: 1 });
    expect(classificationOf(plan, "a")).toMatchObject({
      role: "patch",
      index: 1,
      reason: "patch 1/1 of series a",
    });
  });

  it("a cover letter alone is an incomplete series with no patches, and is not reviewed", () => {
    const plan = assembleSeries([
      msg({ id: "c", subject: "[PATCH 0/3] thing" }),
      msg({
        id: "r",
        subject: "Re: [PATCH 0/3] thing",
        inReplyTo: "c",
        from: bob,
        body: "Reviewed-by: Bob <bob@example.com>",
      }),
    ]);
    expect(seriesByHead(plan, "c")).toMatchObject({
      total: 3,
      patches: [],
      complete: false,
      reviewed: false,
      replyMsgids: ["r"],
    });
  });

  it("a [PULL 00/28] cover with no patches present is a pull series of 28", () => {
    const plan = assembleSeries([
      msg({ id: "pull", subject: "[PULL 00/28] Migration pull patches", kind: "pull" }),
    ]);
    expect(seriesByHead(plan, "pull")).toMatchObject({
      isPull: true,
      total: 28,
      complete: false,
      coverMsgid: "pull",
    });
  });

  it("an unnumbered [GIT PULL] is a pull series that needs no patches", () => {
    const plan = assembleSeries([msg({ id: "gp", subject: "[GIT PULL] fixes for 6.1", kind: "pull" })]);
    expect(seriesByHead(plan, "gp")).toMatchObject({ isPull: true, total: 0, complete: true, patches: [] });
  });

  it("an RFC series says so", () => {
    const plan = assembleSeries([msg({ id: "a", subject: "[RFC PATCH] idea" })]);
    expect(seriesByHead(plan, "a").isRfc).toBe(true);
  });

  it("a patch numbered beyond its series size is ignored, with the reason", () => {
    const plan = assembleSeries([
      msg({ id: "c", subject: "[PATCH 0/5] thing" }),
      msg({ id: "p7", subject: "[PATCH 7/5] oops", inReplyTo: "c" }),
    ]);
    expect(seriesByHead(plan, "c").patches).toEqual([]);
    const c = classificationOf(plan, "p7");
    expect(c.role).toBe("not-a-patch");
    expect(c.reason).toContain("index 7 is larger than the series size 5");
  });

  it("a patch that did not join the series it replies to says why", () => {
    const plan = assembleSeries(caseNamed("a patch from someone else").messages);
    expect(classificationOf(plan, "x").reason).toMatch(
      /^patch 2\/2 of series x \(it replies to c .*the sender differs/,
    );
  });

  it("the series' last activity is the latest date among its messages and replies", () => {
    const plan = assembleSeries([
      msg({ id: "a", subject: "[PATCH] fix", date: 0 }),
      msg({ id: "r", subject: "Re: [PATCH] fix", inReplyTo: "a", date: 600 }),
      msg({ id: "rr", subject: "Re: [PATCH] fix", inReplyTo: "r", date: null }),
    ]);
    expect(seriesByHead(plan, "a").lastActivity).toEqual(new Date(Date.UTC(2024, 0, 1, 10)));
  });
});

describe("messages of one git send-email or b4 run", () => {
  it.each([
    [
      "git send-email",
      "20250822040501.28640-1-wegao@suse.com",
      "20250822040501.28640-2-wegao@suse.com",
      "20250822040501.28640-3-wegao@suse.com",
    ],
    [
      "old git send-email",
      "1467078467-20971-1-git-send-email-famz@redhat.com",
      "1467078467-20971-2-git-send-email-famz@redhat.com",
      "1467078467-20971-3-git-send-email-famz@redhat.com",
    ],
    [
      "b4",
      "20250804-thing-v2-0-651e50ec59e7@suse.com",
      "20250804-thing-v2-1-651e50ec59e7@suse.com",
      "20250804-thing-v2-2-651e50ec59e7@suse.com",
    ],
  ])(
    "stay one series, of the higher version, when %s gave the cover letter another version than its patches (seen on the LTP list)",
    (_tool, c, p1, p2) => {
      const plan = assembleSeries([
        msg({ id: c, subject: "[PATCH v2 0/2] fspick01.c: Check mount point" }),
        msg({ id: p1, subject: "[PATCH v3 1/2] a", inReplyTo: c }),
        msg({ id: p2, subject: "[PATCH v3 2/2] b", inReplyTo: c }),
      ]);
      expect(shape(plan)).toEqual([`${c}: 1=${p1} 2=${p2}`]);
      expect(seriesByHead(plan, c)).toMatchObject({ version: 3, complete: true });
    },
  );

  it("take the cover letter's version when it is the higher one, and say why in the cover's classification", () => {
    const c = "20250928232708.24007-1-a@x";
    const plan = assembleSeries([
      msg({ id: c, subject: "[PATCH v3 0/2] t" }),
      msg({ id: "20250928232708.24007-2-a@x", subject: "[PATCH v2 1/2] a", inReplyTo: c }),
      msg({ id: "20250928232708.24007-3-a@x", subject: "[PATCH v2 2/2] b", inReplyTo: c }),
    ]);
    expect(seriesByHead(plan, c)).toMatchObject({ version: 3, complete: true });
    expect(classificationOf(plan, "20250928232708.24007-2-a@x").reason).toBe(
      `patch 1/2 of series ${c}, sent as v2 in the same run as the v3 series`,
    );
    expect(classificationOf(plan, c).reason).toBe(`cover letter of series ${c} (2 of 2 patches present)`);
  });

  it("a v1 cover letter sent with v2 patches makes a v2 series, which a reply to its v1 makes a revision of it", () => {
    const plan = assembleSeries([
      msg({ id: "20250926085021.22141-1-a@x", subject: "[PATCH v1 0/1] needs_cmds", date: 0 }),
      msg({
        id: "20250926085021.22141-2-a@x",
        subject: "[PATCH v1 1/1] needs_cmds",
        inReplyTo: "20250926085021.22141-1-a@x",
        date: 1,
      }),
      msg({
        id: "20250928232708.24007-1-a@x",
        subject: "[PATCH v1 0/1] needs_cmds",
        inReplyTo: "20250926085021.22141-1-a@x",
        date: 100,
      }),
      msg({
        id: "20250928232708.24007-2-a@x",
        subject: "[PATCH v2 1/1] needs_cmds",
        inReplyTo: "20250928232708.24007-1-a@x",
        date: 101,
      }),
    ]);
    const v2 = seriesByHead(plan, "20250928232708.24007-1-a@x");
    expect(v2.version).toBe(2);
    expect(classificationOf(plan, v2.headMsgid).reason).toBe(
      `cover letter of series ${v2.headMsgid} (1 of 1 patches present; its subject says v1, the patches sent in the same run v2, so the series is v2)`,
    );
    expect(seriesByHead(plan, "20250926085021.22141-1-a@x").obsoletedBy).toBe(v2.headMsgid);
    expect(plan.revisionLinks).toEqual([
      expect.objectContaining({
        older: "20250926085021.22141-1-a@x",
        newer: v2.headMsgid,
        reason: "reply-to-previous",
      }),
    ]);
  });

  it("a partial reroll sent in another run does not raise the version of the series it rerolls", () => {
    const plan = assembleSeries([
      msg({ id: "20250101000000.1-1-a@x", subject: "[PATCH v5 0/2] t" }),
      msg({ id: "20250101000000.1-2-a@x", subject: "[PATCH v5 1/2] a", inReplyTo: "20250101000000.1-1-a@x" }),
      msg({ id: "20250101000000.1-3-a@x", subject: "[PATCH v5 2/2] b", inReplyTo: "20250101000000.1-1-a@x" }),
      msg({
        id: "20250102000000.2-1-a@x",
        subject: "[PATCH v5.1 2/2] b",
        inReplyTo: "20250101000000.1-3-a@x",
        refs: ["20250101000000.1-1-a@x", "20250101000000.1-3-a@x"],
        date: 60,
      }),
    ]);
    expect(shape(plan)).toEqual([
      "20250101000000.1-1-a@x: 1=20250101000000.1-2-a@x 2=20250102000000.2-1-a@x",
    ]);
    expect(seriesByHead(plan, "20250101000000.1-1-a@x").version).toBe(5);
  });

  it("a patch from another run with another version still starts its own series", () => {
    const plan = assembleSeries([
      msg({ id: "20250822040501.28640-1-a@x", subject: "[PATCH v2 0/1] t" }),
      msg({
        id: "20250822040501.28640-2-a@x",
        subject: "[PATCH v2 1/1] t",
        inReplyTo: "20250822040501.28640-1-a@x",
      }),
      msg({
        id: "20250901000000.11111-1-a@x",
        subject: "[PATCH v3 1/1] t",
        inReplyTo: "20250822040501.28640-1-a@x",
        date: 9,
      }),
    ]);
    expect(plan.series).toHaveLength(2);
  });
});
