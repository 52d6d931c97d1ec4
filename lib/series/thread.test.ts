import { describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import { indexMessages } from "./index-messages";
import { msg, shape } from "./test-support/msg";
import { buildThread } from "./thread";
import type { SeriesMessage } from "./types";

function parents(messages: SeriesMessage[]): Record<string, string> {
  return Object.fromEntries(buildThread(indexMessages(messages)).parent);
}

describe("threading", () => {
  it.each([
    {
      name: "In-Reply-To names the parent when it is present",
      messages: [
        msg({ id: "a", subject: "x" }),
        msg({ id: "b", subject: "Re: x", inReplyTo: "a", refs: ["root", "a"] }),
      ],
      parents: { b: "a" },
    },
    {
      name: "a missing In-Reply-To climbs to the nearest present message in References",
      messages: [
        msg({ id: "root", subject: "x" }),
        msg({ id: "mid", subject: "Re: x", inReplyTo: "root" }),
        msg({ id: "c", subject: "Re: x", inReplyTo: "gone", refs: ["root", "mid", "gone"] }),
      ],
      parents: { mid: "root", c: "mid" },
    },
    {
      name: "a message naming only absent messages has no parent",
      messages: [msg({ id: "c", subject: "Re: x", inReplyTo: "gone", refs: ["older", "gone"] })],
      parents: {},
    },
    {
      name: "a message naming itself has no parent",
      messages: [msg({ id: "c", subject: "x", inReplyTo: "c", refs: ["c"] })],
      parents: {},
    },
    {
      name: "a reply cycle is cut at its earliest message",
      messages: [
        msg({ id: "a", subject: "x", inReplyTo: "b", date: 1 }),
        msg({ id: "b", subject: "x", inReplyTo: "c", date: 2 }),
        msg({ id: "c", subject: "x", inReplyTo: "a", date: 3 }),
      ],
      parents: { b: "c", c: "a" },
    },
  ])("$name", ({ messages, parents: expected }) => {
    expect(parents(messages)).toEqual(expected);
    expect(parents([...messages].reverse())).toEqual(expected);
  });

  it("a repeated Message-ID keeps the copy stored first", () => {
    const byId = indexMessages([
      msg({ id: "a", subject: "second", seq: 9 }),
      msg({ id: "a", subject: "first", seq: 2 }),
    ]);
    expect(byId.get("a")!.subject).toBe("first");
  });

  it("patches in a reply cycle are still assembled", () => {
    const plan = assembleSeries([
      msg({ id: "p1", subject: "[PATCH 1/2] a", inReplyTo: "p2", date: 1 }),
      msg({ id: "p2", subject: "[PATCH 2/2] b", inReplyTo: "p1", date: 2 }),
    ]);
    expect(shape(plan)).toEqual(["p1: 1=p1 2=p2"]);
  });
});
