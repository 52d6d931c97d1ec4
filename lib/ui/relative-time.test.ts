import { describe, expect, it } from "vitest";

import { exactTime, relativeTime } from "./relative-time";

const now = new Date("2026-03-10T12:00:00Z");
const before = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("relativeTime", () => {
  it.each([
    ["10 seconds before", before(10_000), "just now"],
    ["one minute before", before(MIN), "1 min ago"],
    ["59 minutes before", before(59 * MIN), "59 min ago"],
    ["one hour before", before(HOUR), "1 hour ago"],
    ["23 hours before", before(23 * HOUR + 59 * MIN), "23 hours ago"],
    ["one day before", before(DAY), "1 day ago"],
    ["59 days before", before(59 * DAY), "59 days ago"],
    ["60 days before", before(60 * DAY), "2 months ago"],
    ["364 days before", before(364 * DAY), "12 months ago"],
    ["one year before", before(365 * DAY), "1 year ago"],
    ["three years before", before(3 * 365 * DAY + DAY), "3 years ago"],
    ["two hours in the future (a fast clock)", before(-2 * HOUR), "in 2 hours"],
  ])("a date %s reads %j", (_name, date, expected) => {
    expect(relativeTime(date, now)).toBe(expected);
  });
});

describe("exactTime", () => {
  it("gives the minute in UTC whatever the server's time zone", () => {
    expect(exactTime(new Date("2026-03-09T17:20:57Z"))).toBe("2026-03-09 17:20 UTC");
  });
});
