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

  it("2,400 messages assemble well under 100 ms", () => {
    // The best of several runs: other test files share the CPU, and the JIT needs a warm-up.
    const runs = Array.from({ length: 8 }, (_, i) => {
      const input = shuffled(archive, i);
      const started = performance.now();
      assembleSeries(input);
      return performance.now() - started;
    });
    const best = Math.min(...runs);
    console.log(
      `assembleSeries: ${archive.length} synthetic messages in ${best.toFixed(1)} ms (best of ${runs.length})`,
    );
    expect(best).toBeLessThan(100);
  });

  it("100,000 messages assemble in a few seconds", () => {
    const big = syntheticArchive(100_000);
    const started = performance.now();
    const plan = assembleSeries(shuffled(big, 5));
    const ms = performance.now() - started;
    console.log(
      `assembleSeries: ${big.length} synthetic messages in ${ms.toFixed(0)} ms, ${plan.series.length} series`,
    );
    invariants(plan, big.length);
    expect(ms).toBeLessThan(5000);
  }, 30_000);
});
