import { describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import { msg, shuffled } from "./test-support/msg";
import type { SeriesMessage } from "./types";

/**
 * Small random archives with everything that goes wrong in real ones: missing parents,
 * reply cycles, duplicate slots, numbers beyond N, mismatched versions and senders,
 * missing dates, rerolls, tags in replies. Whatever the input, the plan must not depend
 * on the order of the messages, and must classify each message once.
 */
function randomArchive(seed: number, size: number): SeriesMessage[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const ids = Array.from({ length: size }, (_, i) => `m${i}@x`);
  return ids.map((id, i) => {
    const n = pick([1, 2, 3]);
    const version = pick([1, 1, 2, 2.1]);
    const v = version === 1 ? "" : ` v${version}`;
    const subject = pick([
      `[PATCH${v} 0/${n}] topic ${i % 4}`,
      `[PATCH${v} ${pick([1, 2, 3, 4])}/${n}] part`,
      `[PATCH${v}] single ${i % 3}`,
      `Re: [PATCH${v} 1/${n}] part`,
      "question",
      `[PULL 00/${n}] pulls`,
    ]);
    const parent = rand() < 0.7 ? pick([...ids, "missing@x"]) : null;
    const body = pick([
      "",
      "Reviewed-by: Bob <bob@example.com>",
      "Supersedes: <m1@x>",
      "Based-on: <m2@x>",
      "Acked-by: Al <alice@example.com>",
    ]);
    return msg({
      id,
      subject,
      from: pick(["Alice <alice@example.com>", "Bob <bob@example.com>"]),
      date: rand() < 0.1 ? null : Math.floor(rand() * 200),
      inReplyTo: parent,
      refs: parent ? [pick(ids), parent] : [],
      body,
      patchId: pick([null, "p1", "p2"]),
      seq: i,
    });
  });
}

describe("random archives", () => {
  it.each(Array.from({ length: 40 }, (_, i) => [i + 1]))(
    "archive #%i gives the same plan in any order",
    (seed) => {
      const archive = randomArchive(seed, 30 + seed);
      const plan = assembleSeries(archive);
      expect(plan.classifications.map((c) => c.msgid)).toEqual(archive.map((m) => m.msgid).sort());
      const patches = plan.series.flatMap((s) => s.patches.map((p) => p.msgid));
      expect(new Set(patches).size).toBe(patches.length);
      for (const s of plan.series)
        if (s.obsoletedBy) expect(plan.series.map((x) => x.headMsgid)).toContain(s.obsoletedBy);
      for (const order of [1, 2, 3])
        expect(assembleSeries(shuffled(archive, seed * 10 + order))).toEqual(plan);
    },
  );
});
