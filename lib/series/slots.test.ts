import { describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import { classificationOf, msg, seriesByHead, shape, shuffled } from "./test-support/msg";

const bob = "Bob <bob@example.com>";

describe("two messages claiming one slot", () => {
  const messages = [
    msg({ id: "c", subject: "[PATCH 0/2] thing", date: 0 }),
    msg({ id: "p1", subject: "[PATCH 1/2] a", inReplyTo: "c", date: 1 }),
    msg({ id: "p2-late", subject: "[PATCH 2/2] b", inReplyTo: "c", date: 9, seq: 1 }),
    msg({ id: "p2", subject: "[PATCH 2/2] b", inReplyTo: "c", date: 2, seq: 99 }),
  ];

  it("the first by date wins whatever the storage order, and the other is a duplicate with a reason", () => {
    for (const seed of [1, 2, 3]) {
      const plan = assembleSeries(shuffled(messages, seed));
      expect(shape(plan)).toEqual(["c: 1=p1 2=p2"]);
      expect(classificationOf(plan, "p2-late")).toEqual({
        msgid: "p2-late",
        role: "duplicate",
        of: "p2",
        reason: "duplicate of slot 2/2 of series c, already taken by p2 (the first by date)",
      });
    }
  });

  it("with equal dates, storage order breaks the tie", () => {
    const plan = assembleSeries([
      msg({ id: "c", subject: "[PATCH 0/1] t" }),
      msg({ id: "z", subject: "[PATCH 1/1] a", inReplyTo: "c", date: 1, seq: 5 }),
      msg({ id: "y", subject: "[PATCH 1/1] a", inReplyTo: "c", date: 1, seq: 6 }),
    ]);
    expect(shape(plan)).toEqual(["c: 1=z"]);
  });

  it("a review of the duplicate copy counts for the slot", () => {
    const plan = assembleSeries([
      ...messages,
      msg({
        id: "r",
        subject: "Re: [PATCH 2/2] b",
        inReplyTo: "p2-late",
        from: bob,
        body: "Reviewed-by: Bob <bob@example.com>",
      }),
    ]);
    expect(seriesByHead(plan, "c").patches[1]!.trailers.map((t) => t.fromMsgid)).toEqual(["r"]);
    expect(classificationOf(plan, "r").reason).toBe("reply to p2-late, a duplicate within series c");
  });
});

describe("partial rerolls", () => {
  const v5 = [
    msg({ id: "c", subject: "[PATCH v5 0/3] thing", date: 0 }),
    msg({ id: "p1", subject: "[PATCH v5 1/3] a", inReplyTo: "c", date: 1 }),
    msg({ id: "p2", subject: "[PATCH v5 2/3] b", inReplyTo: "c", date: 2 }),
    msg({ id: "p3", subject: "[PATCH v5 3/3] c", inReplyTo: "c", date: 3 }),
    msg({
      id: "review",
      subject: "Re: [PATCH v5 2/3] b",
      inReplyTo: "p2",
      refs: ["c", "p2"],
      from: bob,
      date: 50,
      body: "Please fix",
    }),
  ];

  it("[PATCH v5.1 2/3] sent into the v5 thread replaces patch 2 of v5 instead of starting a series", () => {
    const reroll = msg({
      id: "p2b",
      subject: "[PATCH v5.1 2/3] b",
      inReplyTo: "review",
      refs: ["c", "p2", "review"],
      date: 60,
    });
    const plan = assembleSeries(shuffled([...v5, reroll], 3));
    expect(shape(plan)).toEqual(["c: 1=p1 2=p2b 3=p3"]);
    const s = seriesByHead(plan, "c");
    expect(s.version).toBe(5);
    expect(s.patches[1]).toMatchObject({ msgid: "p2b", replaces: "p2" });
    expect(classificationOf(plan, "p2b")).toMatchObject({
      role: "patch",
      index: 2,
      reason: "patch 2/3 of series c, partial reroll v5.1 replacing p2",
    });
    expect(classificationOf(plan, "p2")).toMatchObject({ role: "duplicate", of: "p2b" });
    expect(classificationOf(plan, "p2").reason).toBe(
      "patch 2/3 of series c, replaced by the partial reroll p2b (v5.1)",
    );
  });

  it("a second reroll of the same patch wins over the first", () => {
    const plan = assembleSeries([
      ...v5,
      msg({ id: "r1", subject: "[PATCH v5.1 2/3] b", inReplyTo: "p2", date: 60 }),
      msg({ id: "r2", subject: "[PATCH v5.2 2/3] b", inReplyTo: "r1", refs: ["c", "p2", "r1"], date: 70 }),
    ]);
    expect(seriesByHead(plan, "c").patches[1]).toMatchObject({ msgid: "r2", replaces: "p2" });
    expect(classificationOf(plan, "r1")).toMatchObject({ role: "duplicate", of: "r2" });
  });

  it("reviews of the replaced patch do not count for the reroll", () => {
    const plan = assembleSeries([
      ...v5,
      msg({
        id: "ok",
        subject: "Re: [PATCH v5 2/3] b",
        inReplyTo: "p2",
        from: bob,
        date: 51,
        body: "Reviewed-by: Bob <bob@example.com>",
      }),
      msg({ id: "p2b", subject: "[PATCH v5.1 2/3] b", inReplyTo: "p2", date: 60 }),
    ]);
    expect(seriesByHead(plan, "c").patches[1]!.trailers).toEqual([]);
    expect(classificationOf(plan, "ok")).toMatchObject({ role: "reply", series: "c", target: "p2" });
  });

  it("a v5.1 patch posted outside any v5 thread is a series of its own", () => {
    const plan = assembleSeries([...v5, msg({ id: "lone", subject: "[PATCH v5.1 2/3] b", date: 60 })]);
    expect(shape(plan)).toEqual(["c: 1=p1 2=p2 3=p3", "lone: 2=lone"]);
  });
});
