import { describe, expect, it } from "vitest";

import { checkStateOf, checkStateOfJob, failsOnBaseToo, testLogPath } from "./result-state";
import { isLeaseExpired, leaseExpiry } from "./lease";

describe("leases", () => {
  const now = new Date("2026-01-01T00:00:00Z");

  it("run leaseSeconds from now", () => {
    expect(leaseExpiry(now, 120).toISOString()).toBe("2026-01-01T00:02:00.000Z");
  });

  it("expire after their end, not at it", () => {
    const end = leaseExpiry(now, 120);
    expect(isLeaseExpired(end, new Date(end.getTime()))).toBe(false);
    expect(isLeaseExpired(end, new Date(end.getTime() + 1))).toBe(true);
    expect(isLeaseExpired(null, now)).toBe(false);
  });
});

describe("result states", () => {
  it.each([
    ["passed", "success"],
    ["failed", "fail"],
    ["error", "error"],
  ] as const)("a job %s is a result %s", (outcome, state) => {
    expect(checkStateOf(outcome)).toBe(state);
    expect(checkStateOfJob(outcome)).toBe(state);
  });

  it("a queued or running job has no result yet", () => {
    expect(checkStateOfJob("queued")).toBeNull();
    expect(checkStateOfJob("running")).toBeNull();
  });

  it("fails on master too only when both the series and its base fail", () => {
    expect(failsOnBaseToo({ state: "fail", baseState: "fail" })).toBe(true);
    expect(failsOnBaseToo({ state: "fail", baseState: "success" })).toBe(false);
    expect(failsOnBaseToo({ state: "fail", baseState: null })).toBe(false);
    expect(failsOnBaseToo({ state: "error", baseState: "fail" })).toBe(false);
  });

  it("logs live at /logs/<job id>", () => {
    expect(testLogPath(42n)).toBe("/logs/42");
  });
});
