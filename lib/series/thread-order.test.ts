import { describe, expect, it } from "vitest";

import { threadOrder, type ThreadInput } from "./thread-order";

const m = (
  msgid: string,
  minute: number,
  inReplyTo: string | null = null,
  references: string[] = [],
): ThreadInput => ({
  msgid,
  inReplyTo,
  references,
  date: new Date(Date.UTC(2026, 0, 1, 0, minute)),
});

const shape = (input: ThreadInput[]) => threadOrder(input).map((p) => `${"  ".repeat(p.depth)}${p.msgid}`);

describe("thread order", () => {
  it("puts each reply under the message it answers, siblings by date, whatever the input order", () => {
    const input = [
      m("r2", 5, "cover"),
      m("p1", 1, "cover"),
      m("r1", 3, "p1"),
      m("cover", 0),
      m("r1a", 4, "r1"),
    ];
    expect(shape(input)).toEqual(["cover", "  p1", "    r1", "      r1a", "  r2"]);
  });

  it("climbs References when the message replied to is missing", () => {
    expect(shape([m("a", 0), m("c", 2, "b-lost", ["a", "b-lost"])])).toEqual(["a", "  c"]);
  });

  it("keeps every message of a reply cycle, once", () => {
    expect(shape([m("x", 0, "y"), m("y", 1, "x")])).toEqual(["x", "  y"]);
  });
});
