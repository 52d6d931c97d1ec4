import { describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import { classificationOf, msg, seriesByHead, shuffled } from "./test-support/msg";
import type { SeriesMessage, SeriesTrailer } from "./types";

const alice = "Alice <alice@example.com>";
const bob = "Bob <bob@example.com>";
const carol = "Carol <carol@example.com>";

function series(extra: SeriesMessage[]): SeriesMessage[] {
  return [
    msg({ id: "c", subject: "[PATCH 0/3] thing", from: alice }),
    msg({
      id: "p1",
      subject: "[PATCH 1/3] a",
      inReplyTo: "c",
      body: "Do a.\n\nSigned-off-by: Alice <alice@example.com>\n",
    }),
    msg({
      id: "p2",
      subject: "[PATCH 2/3] b",
      inReplyTo: "c",
      body: "Do b.\n\nSigned-off-by: Alice <alice@example.com>\n",
    }),
    msg({
      id: "p3",
      subject: "[PATCH 3/3] c",
      inReplyTo: "c",
      body: "Do c.\n\nSigned-off-by: Alice <alice@example.com>\n",
    }),
    ...extra,
  ];
}

const lines = (ts: SeriesTrailer[]) => ts.map((t) => `${t.origin} ${t.line}`);
const patchesOf = (messages: SeriesMessage[]) => seriesByHead(assembleSeries(messages), "c").patches;

describe("collecting trailers", () => {
  it("a Reviewed-by in a reply counts for the patch it answers, after the patch's own trailers", () => {
    const [p1, p2] = patchesOf(
      series([
        msg({
          id: "r",
          subject: "Re: [PATCH 1/3] a",
          inReplyTo: "p1",
          refs: ["c", "p1"],
          from: bob,
          body: "> quoted\n\nReviewed-by: Bob <bob@example.com>\n",
        }),
      ]),
    );
    expect(lines(p1!.trailers)).toEqual([
      "in-patch Signed-off-by: Alice <alice@example.com>",
      "reply-to-patch Reviewed-by: Bob <bob@example.com>",
    ]);
    expect(lines(p2!.trailers)).toEqual(["in-patch Signed-off-by: Alice <alice@example.com>"]);
  });

  it("a review nested below another reply still counts for the patch", () => {
    const [p1] = patchesOf(
      series([
        msg({ id: "q", subject: "Re: [PATCH 1/3] a", inReplyTo: "p1", from: carol, body: "Why?" }),
        msg({
          id: "a",
          subject: "Re: [PATCH 1/3] a",
          inReplyTo: "q",
          refs: ["c", "p1", "q"],
          body: "Because.",
        }),
        msg({
          id: "r",
          subject: "Re: [PATCH 1/3] a",
          inReplyTo: "a",
          refs: ["c", "p1", "q", "a"],
          from: carol,
          body: "Acked-by: Carol <carol@example.com>",
        }),
      ]),
    );
    expect(lines(p1!.trailers)).toContain("reply-to-patch Acked-by: Carol <carol@example.com>");
  });

  it("a tag on the cover letter counts for every patch", () => {
    const patches = patchesOf(
      series([
        msg({
          id: "r",
          subject: "Re: [PATCH 0/3] thing",
          inReplyTo: "c",
          from: bob,
          body: "Tested-by: Bob <bob@example.com>",
        }),
      ]),
    );
    for (const p of patches)
      expect(lines(p.trailers)).toContain("reply-to-cover Tested-by: Bob <bob@example.com>");
  });

  it("a tag on the cover letter limited to some patches counts only for those", () => {
    const patches = patchesOf(
      series([
        msg({
          id: "r",
          subject: "Re: [PATCH 0/3] thing",
          inReplyTo: "c",
          from: bob,
          body: "For patches 1-2:\nReviewed-by: Bob <bob@example.com>\n",
        }),
      ]),
    );
    expect(patches.map((p) => p.trailers.filter((t) => t.origin === "range-reply").length)).toEqual([
      1, 1, 0,
    ]);
  });

  it("a Reviewed-by in a reply to one patch that says it is for the whole series counts for every patch", () => {
    const patches = patchesOf(
      series([
        msg({
          id: "r",
          subject: "Re: [PATCH 3/3] c",
          inReplyTo: "p3",
          refs: ["c", "p3"],
          from: bob,
          body: "> quoted\n\nReviewed-by: Bob <bob@example.com>\n\nfor all patches in the series.\n",
        }),
      ]),
    );
    expect(patches.map((p) => lines(p.trailers.filter((t) => t.origin !== "in-patch")))).toEqual([
      ["range-reply Reviewed-by: Bob <bob@example.com>"],
      ["range-reply Reviewed-by: Bob <bob@example.com>"],
      ["reply-to-patch Reviewed-by: Bob <bob@example.com>"],
    ]);
    expect(patches[0]!.trailers.find((t) => t.origin === "range-reply")).toMatchObject({
      fromMsgid: "r",
      sender: { email: "bob@example.com" },
    });
  });

  it("a reply to one patch that names other patches counts for the patches it names, and only those", () => {
    const patches = patchesOf(
      series([
        msg({
          id: "r",
          subject: "Re: [PATCH 1/3] a",
          inReplyTo: "p1",
          from: bob,
          body: "Patch 1 needs work.\n\nFor patches 2-3:\nReviewed-by: Bob <bob@example.com>\n",
        }),
      ]),
    );
    expect(patches.map((p) => lines(p.trailers.filter((t) => t.origin !== "in-patch")))).toEqual([
      [],
      ["range-reply Reviewed-by: Bob <bob@example.com>"],
      ["range-reply Reviewed-by: Bob <bob@example.com>"],
    ]);
  });

  it("a reply to one patch that says nothing about other patches counts for that patch alone", () => {
    const patches = patchesOf(
      series([
        msg({
          id: "r",
          subject: "Re: [PATCH 2/3] b",
          inReplyTo: "p2",
          from: bob,
          body: "I haven't looked at the other patches in the series.\n\nReviewed-by: Bob <bob@example.com>\n",
        }),
      ]),
    );
    expect(patches.map((p) => p.trailers.filter((t) => t.origin !== "in-patch").length)).toEqual([0, 1, 0]);
  });

  it("a whole-series tag in a reply to the cover letter still counts as a reply to the cover", () => {
    const patches = patchesOf(
      series([
        msg({
          id: "r",
          subject: "Re: [PATCH 0/3] thing",
          inReplyTo: "c",
          from: bob,
          body: "For the whole series:\nAcked-by: Bob <bob@example.com>\n",
        }),
      ]),
    );
    for (const p of patches)
      expect(lines(p.trailers)).toContain("reply-to-cover Acked-by: Bob <bob@example.com>");
  });

  it("a whole-series tag in a reply to a patch that a partial reroll replaced does not count for the reroll", () => {
    const plan = assembleSeries([
      msg({ id: "c", subject: "[PATCH v5 0/2] thing", date: 0 }),
      msg({ id: "p1", subject: "[PATCH v5 1/2] a", inReplyTo: "c", date: 1 }),
      msg({ id: "p2", subject: "[PATCH v5 2/2] b", inReplyTo: "c", date: 2 }),
      msg({
        id: "r",
        subject: "Re: [PATCH v5 2/2] b",
        inReplyTo: "p2",
        refs: ["c", "p2"],
        from: bob,
        date: 3,
        body: "Reviewed-by: Bob <bob@example.com>\nfor both patches.\n",
      }),
      msg({ id: "p2b", subject: "[PATCH v5.1 2/2] b", inReplyTo: "r", refs: ["c", "p2", "r"], date: 4 }),
    ]);
    const [p1, p2] = seriesByHead(plan, "c").patches;
    expect(p2!.msgid).toBe("p2b");
    expect(lines(p1!.trailers)).toEqual(["range-reply Reviewed-by: Bob <bob@example.com>"]);
    expect(lines(p2!.trailers)).toEqual([]);
  });

  it("the same person's tag given on one patch and said for the whole series on another is kept once per patch, the first", () => {
    const patches = patchesOf(
      series([
        msg({
          id: "r1",
          subject: "Re: [PATCH 1/3] a",
          inReplyTo: "p1",
          from: bob,
          date: 5,
          body: "Reviewed-by: Bob <bob@example.com>",
        }),
        msg({
          id: "r3",
          subject: "Re: [PATCH 3/3] c",
          inReplyTo: "p3",
          from: bob,
          date: 10,
          body: "Reviewed-by: Bob <bob@example.com>\nfor all patches.",
        }),
      ]),
    );
    const reviews = patches.map((p) =>
      p.trailers.filter((t) => t.key === "reviewed-by").map((t) => `${t.fromMsgid} ${t.origin}`),
    );
    expect(reviews).toEqual([["r1 reply-to-patch"], ["r3 range-reply"], ["r3 reply-to-patch"]]);
  });

  it("a tag stored by an older version without appliesTo, or with an empty one, counts as if nothing was said", () => {
    const reply = msg({
      id: "r",
      subject: "Re: [PATCH 0/3] thing",
      inReplyTo: "c",
      from: bob,
      body: "Reviewed-by: Bob <bob@example.com>",
    });
    const onP2 = msg({
      id: "r2",
      subject: "Re: [PATCH 2/3] b",
      inReplyTo: "p2",
      from: carol,
      body: "Acked-by: Carol <carol@example.com>",
    });
    const stored = (m: SeriesMessage, appliesTo: unknown): SeriesMessage =>
      ({ ...m, trailers: m.trailers.map((t) => ({ ...t, appliesTo })) }) as SeriesMessage;
    for (const appliesTo of [undefined, []]) {
      const patches = patchesOf(series([stored(reply, appliesTo), stored(onP2, appliesTo)]));
      expect(patches.map((p) => lines(p.trailers.filter((t) => t.origin !== "in-patch")))).toEqual([
        ["reply-to-cover Reviewed-by: Bob <bob@example.com>"],
        [
          "reply-to-cover Reviewed-by: Bob <bob@example.com>",
          "reply-to-patch Acked-by: Carol <carol@example.com>",
        ],
        ["reply-to-cover Reviewed-by: Bob <bob@example.com>"],
      ]);
    }
  });

  it.each([
    ["Signed-off-by: Bob <bob@example.com>", []],
    ['Fixes: 0123456789ab ("x")', []],
    ["Reviewed-by: Bob <bob@example.com>", ["reviewed-by"]],
    ["Reported-and-tested-by: Bob <bob@example.com>", ["reported-and-tested-by"]],
    ["Suggested-by: Bob <bob@example.com>", ["suggested-by"]],
    ["Co-developed-by: Bob <bob@example.com>", ["co-developed-by"]],
    ["Regression-tested-by: Bob <bob@example.com>", ["regression-tested-by"]],
  ])("from a reply, `%s` gives %j", (line, keys) => {
    const [p1] = patchesOf(
      series([msg({ id: "r", subject: "Re: [PATCH 1/3] a", inReplyTo: "p1", from: bob, body: line })]),
    );
    expect(p1!.trailers.filter((t) => t.origin !== "in-patch").map((t) => t.key)).toEqual(keys);
  });

  it("the same tag from the same person is kept once, the first one", () => {
    const [p1] = patchesOf(
      series([
        msg({
          id: "r1",
          subject: "Re: [PATCH 1/3] a",
          inReplyTo: "p1",
          from: bob,
          date: 10,
          body: "Reviewed-by: Bob <bob@example.com>",
        }),
        msg({
          id: "r0",
          subject: "Re: [PATCH 0/3] thing",
          inReplyTo: "c",
          from: bob,
          date: 5,
          body: "Reviewed-by: Bob <BOB@example.com>",
        }),
      ]),
    );
    const reviews = p1!.trailers.filter((t) => t.key === "reviewed-by");
    expect(reviews.map((t) => [t.fromMsgid, t.origin])).toEqual([["r0", "reply-to-cover"]]);
  });

  it("a tag sent by someone other than the person it names is kept but flagged", () => {
    const [p1] = patchesOf(
      series([
        msg({
          id: "r",
          subject: "Re: [PATCH 1/3] a",
          inReplyTo: "p1",
          from: carol,
          body: "Reviewed-by: Bob <Bob@Example.com>",
        }),
      ]),
    );
    const t = p1!.trailers.find((x) => x.key === "reviewed-by")!;
    expect(t).toMatchObject({ senderMismatch: true, sender: { email: "carol@example.com" }, fromMsgid: "r" });
    expect(p1!.trailers.find((x) => x.key === "signed-off-by")!.senderMismatch).toBe(false);
  });

  it("a tag whose case differs from its sender's address is not a mismatch", () => {
    const [p1] = patchesOf(
      series([
        msg({
          id: "r",
          subject: "Re: [PATCH 1/3] a",
          inReplyTo: "p1",
          from: bob,
          body: "Reviewed-by: Bob <BOB@EXAMPLE.COM>",
        }),
      ]),
    );
    expect(p1!.trailers.find((x) => x.key === "reviewed-by")!.senderMismatch).toBe(false);
  });
});

describe("reviewed", () => {
  const reviewAll = msg({
    id: "r",
    subject: "Re: [PATCH 0/3] thing",
    inReplyTo: "c",
    from: bob,
    body: "Reviewed-by: Bob <bob@example.com>",
  });

  it.each([
    {
      name: "a Reviewed-by on the cover from someone else reviews every patch",
      extra: [reviewAll],
      reviewed: true,
    },
    {
      name: "an Acked-by on each patch counts as review",
      extra: ["p1", "p2", "p3"].map((p, i) =>
        msg({
          id: `a${i}`,
          subject: "Re: x",
          inReplyTo: p,
          from: carol,
          body: "Acked-by: Carol <carol@example.com>",
        }),
      ),
      reviewed: true,
    },
    {
      name: "a Reviewed-by on one patch said to be for all patches reviews every patch",
      extra: [
        msg({
          id: "r",
          subject: "Re: x",
          inReplyTo: "p2",
          from: carol,
          body: "Reviewed-by: Carol <carol@example.com>\n(for all patches in the series)",
        }),
      ],
      reviewed: true,
    },
    {
      name: "a review of two patches out of three is not enough",
      extra: ["p1", "p2"].map((p, i) =>
        msg({
          id: `a${i}`,
          subject: "Re: x",
          inReplyTo: p,
          from: carol,
          body: "Reviewed-by: Carol <carol@example.com>",
        }),
      ),
      reviewed: false,
    },
    {
      name: "the author reviewing their own series does not count",
      extra: [
        msg({
          id: "r",
          subject: "Re: x",
          inReplyTo: "c",
          from: alice,
          body: "Reviewed-by: Alice <alice@example.com>",
        }),
      ],
      reviewed: false,
    },
    {
      name: "a Tested-by is not a review",
      extra: [
        msg({
          id: "r",
          subject: "Re: x",
          inReplyTo: "c",
          from: bob,
          body: "Tested-by: Bob <bob@example.com>",
        }),
      ],
      reviewed: false,
    },
  ])("$name", ({ extra, reviewed }) => {
    expect(seriesByHead(assembleSeries(series(extra)), "c").reviewed).toBe(reviewed);
  });

  it("an incomplete series is never reviewed", () => {
    const messages = series([reviewAll]).filter((m) => m.msgid !== "p3");
    expect(seriesByHead(assembleSeries(messages), "c").reviewed).toBe(false);
  });

  it("a Reviewed-by carried in the patch itself counts", () => {
    const plan = assembleSeries([
      msg({
        id: "a",
        subject: "[PATCH v2] fix",
        body: "Fix.\n\nReviewed-by: Bob <bob@example.com>\nSigned-off-by: Alice <alice@example.com>\n",
      }),
    ]);
    expect(seriesByHead(plan, "a").reviewed).toBe(true);
  });
});

describe("replies", () => {
  const thread = series([
    msg({ id: "r0", subject: "Re: [PATCH 0/3] thing", inReplyTo: "c", from: bob }),
    msg({ id: "r2", subject: "Re: [PATCH 2/3] b", inReplyTo: "p2", refs: ["c", "p2"], from: bob }),
    msg({ id: "r22", subject: "Re: [PATCH 2/3] b", inReplyTo: "r2", refs: ["c", "p2", "r2"] }),
    msg({ id: "lost", subject: "Re: [PATCH 5/5] other", inReplyTo: "elsewhere", from: bob }),
    msg({ id: "chat", subject: "question", from: bob }),
    msg({ id: "chat-r", subject: "Re: question", inReplyTo: "chat" }),
    msg({ id: "noparent", subject: "Re: something", kind: "reply", from: bob }),
  ]);
  const plan = assembleSeries(shuffled(thread, 7));

  it.each([
    ["r0", { role: "reply", series: "c", target: "c", reason: "reply to the cover letter of c" }],
    ["r2", { role: "reply", series: "c", target: "p2", reason: "reply to patch 2/3 of c" }],
    ["r22", { role: "reply", series: "c", target: "p2", reason: "reply to patch 2/3 of c, below r2" }],
    [
      "lost",
      {
        role: "reply",
        series: null,
        target: null,
        reason: "reply to elsewhere, which is not in the archive",
      },
    ],
    ["chat", { role: "not-a-patch", reason: "not a patch: no diff and no [PATCH] prefix" }],
    [
      "chat-r",
      { role: "reply", series: null, reason: "reply in a thread with no patch series (it answers chat)" },
    ],
    [
      "noparent",
      {
        role: "reply",
        series: null,
        reason: "a reply that names no parent (no In-Reply-To or References), so it counts for no series",
      },
    ],
  ])("%s is classified %j", (id, expected) => {
    expect(classificationOf(plan, id)).toMatchObject(expected);
  });

  it("every message gets exactly one classification", () => {
    expect(plan.classifications.map((c) => c.msgid).sort()).toEqual(thread.map((m) => m.msgid).sort());
  });

  it("the series lists its replies in arrival order", () => {
    expect(seriesByHead(plan, "c").replyMsgids.sort()).toEqual(["r0", "r2", "r22"]);
  });
});
