import { describe, expect, it } from "vitest";

import { digestDedupeKey, isoWeek } from "./compose-digest";

describe("isoWeek", () => {
  it.each([
    ["2026-01-01T12:00:00Z", "2026-W01"], // a Thursday: week 1
    ["2027-01-01T12:00:00Z", "2026-W53"], // a Friday: the last week of 2026
    ["2024-12-30T00:00:00Z", "2025-W01"], // a Monday whose Thursday is in 2025
    ["2026-02-22T23:59:59Z", "2026-W08"], // Sunday ends the week
    ["2026-02-23T00:00:00Z", "2026-W09"], // Monday starts the next
  ])("%s is %s", (date, week) => {
    expect(isoWeek(new Date(date))).toBe(week);
  });

  it("the dedupe key is per lower-cased address and ISO week", () => {
    expect(digestDedupeKey("ChRubis@SUSE.cz", new Date("2026-02-18T09:00:00Z"))).toBe(
      "digest:chrubis@suse.cz:2026-W08",
    );
  });
});
