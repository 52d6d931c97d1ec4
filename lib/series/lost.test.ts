import { describe, expect, it } from "vitest";

import { classifyLost, closedBecause, type LostFacts, type ReplySignal } from "./lost";

const DAY = 86_400_000;
const posted = new Date("2026-01-01T10:00:00Z");
const day = (n: number) => new Date(posted.getTime() + n * DAY);
const settings = { lostAfterDays: 14, reviewedUnmergedDays: 30 };

function facts(over: Partial<LostFacts> = {}): LostFacts {
  return {
    authorEmail: "Author@Example.org",
    date: posted,
    obsolete: false,
    merged: false,
    reviewed: false,
    reviewedAt: null,
    replies: [],
    ...over,
  };
}
function reply(over: Partial<ReplySignal>): ReplySignal {
  return {
    email: "maint@example.org",
    name: "Maint",
    date: day(1),
    automated: false,
    review: false,
    comments: false,
    applied: false,
    withdraws: false,
    ...over,
  };
}

describe("classifyLost", () => {
  it.each([
    ["no answer, 13 days", facts(), 13, null],
    ["no answer, 14 days", facts(), 14, "no-reply"],
    [
      "only the author answered (another case of the address)",
      facts({ replies: [reply({ email: "author@example.org", date: day(3) })] }),
      20,
      "no-reply",
    ],
    ["only a CI robot answered", facts({ replies: [reply({ automated: true })] }), 20, "no-reply"],
    ["someone else answered without comments", facts({ replies: [reply({})] }), 40, null],
    ["obsolete", facts({ obsolete: true }), 40, null],
    ["merged", facts({ merged: true }), 40, null],
    ["no posting date", facts({ date: null }), 40, null],
  ])("%s → %s", (_label, f, days, reason) => {
    expect(classifyLost(f, settings, day(days))?.reason ?? null).toBe(reason);
  });

  it("no-reply counts from the posting and is lost since posting + N", () => {
    expect(classifyLost(facts(), settings, day(20))).toMatchObject({
      reason: "no-reply",
      days: 20,
      since: day(14),
    });
  });

  it("a reviewed series is lost M days after its last review, counted from the review", () => {
    const f = facts({ reviewed: true, reviewedAt: day(5), replies: [reply({ review: true, date: day(5) })] });
    expect(classifyLost(f, settings, day(34))).toBeNull();
    expect(classifyLost(f, settings, day(36))).toMatchObject({
      reason: "reviewed-not-merged",
      days: 31,
      since: day(35),
    });
  });

  it("review comments with no answer from the author are a request for changes after N days", () => {
    const f = facts({ replies: [reply({ comments: true, date: day(2) })] });
    expect(classifyLost(f, settings, day(15))).toBeNull();
    expect(classifyLost(f, settings, day(17))).toMatchObject({
      reason: "changes-requested",
      days: 15,
      since: day(16),
      requestedBy: { email: "maint@example.org", date: day(2) },
    });
  });

  it("the author's answer after the comments, or a Reviewed-by in them, means nothing waits for the author", () => {
    const answered = facts({
      replies: [
        reply({ comments: true, date: day(2) }),
        reply({ email: "author@example.org", date: day(3) }),
      ],
    });
    expect(classifyLost(answered, settings, day(40))).toBeNull();
    const reviewed = facts({ replies: [reply({ comments: true, review: true, date: day(2) })] });
    expect(classifyLost(reviewed, settings, day(40))).toBeNull();
  });

  it("only the latest answer from others decides: a later plain answer after comments is no request", () => {
    const f = facts({
      replies: [reply({ comments: true, date: day(2) }), reply({ email: "other@example.org", date: day(4) })],
    });
    expect(classifyLost(f, settings, day(40))).toBeNull();
  });
});

describe("closedBecause", () => {
  it("the author's withdrawal and someone else's merge announcement close a series; the reverse does not", () => {
    expect(closedBecause(facts({ replies: [reply({ email: "author@example.org", withdraws: true })] }))).toBe(
      "withdrawn",
    );
    expect(closedBecause(facts({ replies: [reply({ applied: true })] }))).toBe("applied");
    expect(closedBecause(facts({ replies: [reply({ withdraws: true })] }))).toBeNull();
    expect(
      closedBecause(facts({ replies: [reply({ email: "author@example.org", applied: true })] })),
    ).toBeNull();
    expect(closedBecause(facts({ replies: [reply({ applied: true, automated: true })] }))).toBeNull();
  });
});
