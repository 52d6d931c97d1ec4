import { describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import { msg, seriesByHead, shuffled } from "./test-support/msg";
import type { SeriesPlan } from "./types";

const bob = "Bob <bob@example.com>";
const obsoleted = (plan: SeriesPlan) =>
  Object.fromEntries(plan.series.map((s) => [s.headMsgid, s.obsoletedBy]));
const links = (plan: SeriesPlan) => plan.revisionLinks.map((l) => `${l.older}->${l.newer} ${l.reason}`);

describe("revisions", () => {
  it.each([
    {
      name: "v1 → v2 → v3 of one author and subject: the newest obsoletes both older ones",
      messages: [
        msg({ id: "v1", subject: "[PATCH] quorum: fix", date: 0 }),
        msg({ id: "v2", subject: "[PATCH v2] quorum: fix", date: 60 }),
        msg({ id: "v3", subject: "[PATCH v3] quorum: fix.", date: 120 }),
      ],
      obsoleted: { v1: "v3", v2: "v3", v3: null },
      links: ["v1->v2 same-author-and-subject", "v2->v3 same-author-and-subject"],
    },
    {
      name: "patchew 0009: a v3 dated before v2 does not obsolete it, and v1 is obsoleted by v2",
      messages: [
        msg({ id: "v1", subject: "[PATCH] quorum: fix", date: "2016-06-28T09:47:47Z" }),
        msg({ id: "v2", subject: "[PATCH v2] quorum: fix", date: "2016-06-28T09:48:47Z" }),
        msg({ id: "v3", subject: "[PATCH v3] quorum: fix", date: "2016-06-28T09:46:47Z" }),
      ],
      obsoleted: { v1: "v2", v2: null, v3: null },
      links: ["v1->v2 same-author-and-subject", "v2->v3 same-author-and-subject"],
    },
    {
      name: "the same subject from another author is another topic",
      messages: [
        msg({ id: "a", subject: "[PATCH] fix build" }),
        msg({ id: "b", subject: "[PATCH v2] fix build", from: bob, date: 5 }),
      ],
      obsoleted: { a: null, b: null },
      links: [],
    },
    {
      name: "a RESEND at the same version obsoletes the earlier posting",
      messages: [
        msg({ id: "a", subject: "[PATCH v2] fix" }),
        msg({ id: "b", subject: "[PATCH RESEND v2] fix", date: 600 }),
      ],
      obsoleted: { a: "b", b: null },
      links: ["a->b same-author-and-subject"],
    },
    {
      name: "patchew 0031: Supersedes: in a pull cover obsoletes the first pull although the subjects differ",
      messages: [
        msg({ id: "pull1", subject: "[PULL 00/28] Migration pull patches", date: 0 }),
        msg({
          id: "pull2",
          subject: "[PULL 00/29] Migration pull patches (second try)",
          date: 600,
          body: "Supersedes: <pull1>\n",
        }),
      ],
      obsoleted: { pull1: "pull2", pull2: null },
      links: ["pull1->pull2 supersedes"],
    },
    {
      name: "patchew 0032: Supersedes: in a reply by someone else links v5 to v6 although the title changed",
      messages: [
        msg({ id: "v5", subject: "[PATCH v5 0/4] blockdev: avoid acquiring AioContext lock twice", date: 0 }),
        msg({ id: "v6", subject: "[PATCH v6 0/8] blockdev: Fix AioContext handling", date: 600 }),
        msg({
          id: "r",
          subject: "Re: [PATCH v6 0/8] blockdev",
          inReplyTo: "v6",
          from: bob,
          date: 700,
          body: "Supersedes: <v5>\n",
        }),
      ],
      obsoleted: { v5: "v6", v6: null },
      links: ["v5->v6 supersedes"],
    },
    {
      name: "the same b4 change-id links revisions whose subject changed",
      messages: [
        msg({ id: "a", subject: "[PATCH 0/1] old name", body: "change-id: 20240101-thing-0123abcd\n" }),
        msg({
          id: "b",
          subject: "[PATCH v2 0/1] new name",
          date: 60,
          body: "change-id: 20240101-thing-0123abcd\n",
        }),
      ],
      obsoleted: { a: "b", b: null },
      links: ["a->b change-id"],
    },
    {
      name: "a v2 posted in reply to v1's cover letter is its next revision",
      messages: [
        msg({ id: "a", subject: "[PATCH 0/1] old name" }),
        msg({ id: "b", subject: "[PATCH v2 0/1] new name", inReplyTo: "a", date: 60 }),
      ],
      obsoleted: { a: "b", b: null },
      links: ["a->b reply-to-previous"],
    },
    {
      name: "a v2 from someone else in reply to a v1 is not a revision of it",
      messages: [
        msg({ id: "a", subject: "[PATCH 0/1] old name" }),
        msg({ id: "b", subject: "[PATCH v2 0/1] new name", inReplyTo: "a", date: 60, from: bob }),
      ],
      obsoleted: { a: null, b: null },
      links: [],
    },
    {
      name: "a v1: link in the cover letter to any message of an earlier series links it, even across authors",
      messages: [
        msg({ id: "a", subject: "[PATCH 0/1] old name" }),
        msg({ id: "a1@x", subject: "[PATCH 1/1] x", inReplyTo: "a" }),
        msg({
          id: "b",
          subject: "[PATCH v2] new name",
          date: 60,
          from: bob,
          body: "v1: https://lore.kernel.org/r/a1@x\n",
        }),
      ],
      obsoleted: { a: "b", b: null },
      links: ["a->b previous-version-link"],
    },
    {
      name: "a Supersedes: naming a later-dated series still wins over the dates",
      messages: [
        msg({ id: "a", subject: "[PATCH v2] x", date: 600 }),
        msg({ id: "b", subject: "[PATCH v2] x", date: 0, body: "Supersedes: <a>\n" }),
      ],
      obsoleted: { a: "b", b: null },
      links: ["a->b supersedes"],
    },
  ])("$name", ({ messages, obsoleted: expected, links: expectedLinks }) => {
    for (const seed of [0, 1, 2]) {
      const plan = assembleSeries(seed ? shuffled(messages, seed) : messages);
      expect(obsoleted(plan)).toEqual(expected);
      expect(links(plan)).toEqual(expectedLinks);
    }
  });

  it("every revision lists the others in version order, and they share one topic", () => {
    const plan = assembleSeries([
      msg({ id: "v3", subject: "[PATCH v3] fix", date: 120 }),
      msg({ id: "v1", subject: "[PATCH] fix", date: 0 }),
      msg({ id: "v2", subject: "[PATCH v2] fix", date: 60 }),
    ]);
    expect(seriesByHead(plan, "v1").revisions).toEqual(["v2", "v3"]);
    expect(seriesByHead(plan, "v2").revisions).toEqual(["v1", "v3"]);
    expect(new Set(plan.series.map((s) => s.topic))).toEqual(new Set(["v1"]));
  });

  it("the link's sentence explains why a v3 dated earlier did not obsolete v2", () => {
    const plan = assembleSeries([
      msg({ id: "v2", subject: "[PATCH v2] fix", date: "2016-06-28T09:48:47Z" }),
      msg({ id: "v3", subject: "[PATCH v3] fix", date: "2016-06-28T09:46:47Z" }),
    ]);
    expect(plan.revisionLinks[0]!.detail).toBe(
      'v3 v3 is a revision of v2 v2: same author (alice@example.com) and subject "fix". v2 v2 stays current: v3 v3 is dated 2016-06-28T09:46:47.000Z, before 2016-06-28T09:48:47.000Z, and a higher version only obsoletes when it is not dated earlier (patchew test 0009).',
    );
  });
});

describe("carrying trailers to an unchanged patch of the next revision", () => {
  const v1 = [
    msg({ id: "c1", subject: "[PATCH 0/2] thing", date: 0 }),
    msg({ id: "a1", subject: "[PATCH 1/2] a", inReplyTo: "c1", patchId: "aaaa", date: 1 }),
    msg({ id: "b1", subject: "[PATCH 2/2] b", inReplyTo: "c1", patchId: "bbbb", date: 2 }),
    msg({
      id: "ra",
      subject: "Re: [PATCH 1/2] a",
      inReplyTo: "a1",
      from: bob,
      date: 10,
      body: "Reviewed-by: Bob <bob@example.com>",
    }),
    msg({
      id: "rb",
      subject: "Re: [PATCH 2/2] b",
      inReplyTo: "b1",
      from: bob,
      date: 11,
      body: "Reviewed-by: Bob <bob@example.com>\nSigned-off-by: Bob <bob@example.com>",
    }),
  ];
  const v2 = [
    msg({ id: "c2", subject: "[PATCH v2 0/2] thing", date: 100 }),
    msg({ id: "a2", subject: "[PATCH v2 1/2] a", inReplyTo: "c2", patchId: "aaaa", date: 101 }),
    msg({ id: "b2", subject: "[PATCH v2 2/2] b", inReplyTo: "c2", patchId: "changed", date: 102 }),
  ];

  it("a review of v1's patch carries to v2's patch with the same patch-id, and only to it", () => {
    const plan = assembleSeries([...v1, ...v2]);
    const [a2, b2] = seriesByHead(plan, "c2").patches;
    expect(a2!.trailers).toEqual([
      expect.objectContaining({ key: "reviewed-by", origin: "carried", carriedFrom: "a1", fromMsgid: "ra" }),
    ]);
    expect(b2!.trailers).toEqual([]);
    expect(seriesByHead(plan, "c2").reviewed).toBe(false);
  });

  it("a carried tag survives two rerolls", () => {
    const v3 = [
      msg({ id: "c3", subject: "[PATCH v3 0/2] thing", date: 200 }),
      msg({ id: "a3", subject: "[PATCH v3 1/2] a", inReplyTo: "c3", patchId: "aaaa", date: 201 }),
      msg({ id: "b3", subject: "[PATCH v3 2/2] b", inReplyTo: "c3", patchId: "changed", date: 202 }),
    ];
    const a3 = seriesByHead(assembleSeries([...v1, ...v2, ...v3]), "c3").patches[0]!;
    expect(a3.trailers.map((t) => [t.origin, t.fromMsgid])).toEqual([["carried", "ra"]]);
  });

  it("a tag the new patch already has is not carried again", () => {
    const again = msg({
      id: "ra2",
      subject: "Re: [PATCH v2 1/2] a",
      inReplyTo: "a2",
      from: bob,
      date: 110,
      body: "Reviewed-by: Bob <bob@example.com>",
    });
    const a2 = seriesByHead(assembleSeries([...v1, ...v2, again]), "c2").patches[0]!;
    expect(a2.trailers.map((t) => t.origin)).toEqual(["reply-to-patch"]);
  });
});

describe("dependencies", () => {
  const foo = msg({ id: "foo@x", subject: "[PATCH] foo patch" });

  it.each([
    {
      name: "Based-on without brackets names the series holding that message",
      body: "---\nBased-on: foo@x\n",
      basedOn: ["foo@x"],
    },
    { name: "Based-on with brackets too", body: "Based-on: <foo@x>\n", basedOn: ["foo@x"] },
    {
      name: "a Based-on naming a message not in the archive keeps its id",
      body: "Based-on: <unknown@x>\n",
      basedOn: ["unknown@x"],
    },
  ])("$name", ({ body, basedOn }) => {
    const plan = assembleSeries([foo, msg({ id: "bar", subject: "[PATCH] bar patch", body })]);
    expect(seriesByHead(plan, "bar").basedOn).toEqual(basedOn);
  });

  it("a Based-on naming a patch of a series points to that series' head", () => {
    const plan = assembleSeries([
      msg({ id: "c", subject: "[PATCH 0/2] base" }),
      msg({ id: "p2", subject: "[PATCH 2/2] x", inReplyTo: "c" }),
      msg({ id: "bar", subject: "[PATCH] bar", body: "Based-on: <p2>\n" }),
    ]);
    expect(seriesByHead(plan, "bar").basedOn).toEqual(["c"]);
  });

  it("patchew 0027: a Based-on in a reply changes the series' base", () => {
    const plan = assembleSeries([
      foo,
      msg({ id: "bar", subject: "[PATCH] bar patch", date: 5 }),
      msg({
        id: "r",
        subject: "Re: [PATCH] foo patch",
        inReplyTo: "foo@x",
        date: 10,
        body: "Based-on: <bar>\n",
      }),
    ]);
    expect(seriesByHead(plan, "foo@x").basedOn).toEqual(["bar"]);
  });

  it("base-commit and change-id come from the cover letter", () => {
    const body = "base-commit: 0123456789abcdef0123456789abcdef01234567\nchange-id: 20240101-x-1234\n";
    const plan = assembleSeries([
      msg({ id: "c", subject: "[PATCH 0/1] x", body }),
      msg({ id: "p", subject: "[PATCH 1/1] x", inReplyTo: "c" }),
    ]);
    expect(seriesByHead(plan, "c")).toMatchObject({
      baseCommit: "0123456789abcdef0123456789abcdef01234567",
      changeId: "20240101-x-1234",
    });
  });
});

describe("pull requests", () => {
  it("a weekly pull request under the same title is not a revision of last week's", () => {
    const plan = assembleSeries([
      msg({ id: "w1", subject: "[PULL 00/12] Block layer patches", kind: "pull", date: 0 }),
      msg({ id: "w2", subject: "[PULL 00/9] Block layer patches", kind: "pull", date: 7 * 24 * 60 }),
    ]);
    expect(obsoleted(plan)).toEqual({ w1: null, w2: null });
    expect(plan.revisionLinks).toEqual([]);
  });

  it("a [PULL v2] is a revision of the pull it re-rolls", () => {
    const plan = assembleSeries([
      msg({ id: "w1", subject: "[PULL 00/12] Block layer patches", kind: "pull", date: 0 }),
      msg({ id: "w1b", subject: "[PULL v2 00/12] Block layer patches", kind: "pull", date: 60 }),
    ]);
    expect(obsoleted(plan)).toEqual({ w1: "w1b", w1b: null });
  });
});

describe("carrying trailers between revisions that do not obsolete each other directly", () => {
  it("v2 gets v1's review even though v3 obsoletes both", () => {
    const plan = assembleSeries([
      msg({ id: "v1", subject: "[PATCH] fix", patchId: "same", date: 0 }),
      msg({
        id: "r1",
        subject: "Re: [PATCH] fix",
        inReplyTo: "v1",
        from: bob,
        date: 5,
        body: "Acked-by: Bob <bob@example.com>",
      }),
      msg({ id: "v2", subject: "[PATCH v2] fix", patchId: "same", date: 60 }),
      msg({ id: "v3", subject: "[PATCH v3] fix", patchId: "same", date: 120 }),
    ]);
    expect(seriesByHead(plan, "v2").patches[0]!.trailers.map((t) => [t.origin, t.carriedFrom])).toEqual([
      ["carried", "v1"],
    ]);
    expect(
      seriesByHead(plan, "v3").patches[0]!.trailers.map((t) => [t.origin, t.carriedFrom, t.fromMsgid]),
    ).toEqual([["carried", "v2", "r1"]]);
    expect(seriesByHead(plan, "v3").reviewed).toBe(true);
  });
});
