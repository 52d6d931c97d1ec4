import { describe, expect, it } from "vitest";

import { amTimeoutMs, checkSeriesSize, clipLog, DEFAULT_SIZE_LIMITS } from "./limits";

const MiB = 1024 * 1024;

describe("series limits", () => {
  it("lets a series of 500 small patches through, with more time for git am than a short one", () => {
    expect(
      checkSeriesSize({ patches: 500, largestPatchBytes: 20_000, totalPatchBytes: 500 * 20_000 }),
    ).toBeNull();
    expect(amTimeoutMs(500)).toBeGreaterThan(amTimeoutMs(5));
    expect(amTimeoutMs(100_000)).toBe(20 * 60_000);
  });

  it("refuses a 50 MB patch with a message that says what the limit is", () => {
    expect(checkSeriesSize({ patches: 1, largestPatchBytes: 50 * MiB, totalPatchBytes: 50 * MiB })).toBe(
      "a patch mail is 50.0 MiB; the applier takes patches up to 16.0 MiB",
    );
  });

  it("refuses too many patches, and too many bytes in all", () => {
    expect(checkSeriesSize({ patches: 1001, largestPatchBytes: 1, totalPatchBytes: 1001 })).toMatch(
      /1001 patches/,
    );
    expect(
      checkSeriesSize(
        { patches: 100, largestPatchBytes: 2 * MiB, totalPatchBytes: 200 * MiB },
        DEFAULT_SIZE_LIMITS,
      ),
    ).toMatch(/series is 200.0 MiB/);
  });

  it("keeps the start and the end of a long log", () => {
    const log = `${"a".repeat(100)}MIDDLE${"z".repeat(100)}`;
    const clipped = clipLog(log, 100);
    expect(clipped.length).toBeLessThan(150);
    expect(clipped.startsWith("aaa")).toBe(true);
    expect(clipped.endsWith("zzz")).toBe(true);
    expect(clipped).not.toContain("MIDDLE");
    expect(clipLog("short", 100)).toBe("short");
  });
});
