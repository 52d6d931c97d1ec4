import { describe, expect, it } from "vitest";

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
