import { describe, expect, it } from "vitest";

import { leaseExpiry } from "./lease";

describe("leases", () => {
  const now = new Date("2026-01-01T00:00:00Z");

  it("run leaseSeconds from now", () => {
    expect(leaseExpiry(now, 120).toISOString()).toBe("2026-01-01T00:02:00.000Z");
  });
});
