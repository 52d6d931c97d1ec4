import { describe, expect, it } from "vitest";

import { assembleSeries } from "./assemble";
import { shuffled } from "./test-support/msg";
import { syntheticArchive } from "./test-support/synthetic";
import type { SeriesPlan } from "./types";

function invariants(plan: SeriesPlan, count: number): void {
  expect(plan.classifications).toHaveLength(count);
  const patchIds = plan.series.flatMap((s) => s.patches.map((p) => p.msgid));
  expect(new Set(patchIds).size).toBe(patchIds.length);
  const heads = plan.series.map((s) => s.headMsgid);
  expect(new Set(heads).size).toBe(heads.length);
  for (const s of plan.series) {
    for (const p of s.patches) expect(p.index).toBeGreaterThanOrEqual(1);
    if (s.total > 0) for (const p of s.patches) expect(p.index).toBeLessThanOrEqual(s.total);
    if (s.obsoletedBy) expect(heads).toContain(s.obsoletedBy);
  }
}

describe("assembling at scale", () => {
  const archive = syntheticArchive(2400);

  it("the same messages in any order give the identical plan", () => {
    const expected = assembleSeries(archive);
    invariants(expected, archive.length);
    for (const seed of [11, 12, 13]) expect(assembleSeries(shuffled(archive, seed))).toEqual(expected);
  });

  // bench/worst-case.ts measures how the time grows from 2,400 to 100,000 messages.
  it("100,000 messages assemble into a plan that keeps the invariants", () => {
    const big = syntheticArchive(100_000);
    invariants(assembleSeries(shuffled(big, 5)), big.length);
  }, 60_000);
});
