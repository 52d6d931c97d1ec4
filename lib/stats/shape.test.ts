import { describe, expect, it } from "vitest";

import { statsCharts } from "./charts";
import { countsByWeek, headline, lostByWeek, monthLabel, responseByMonth, weekLabel } from "./shape";
import type { ProjectStats } from "./types";
import { statsWindow, weekStart } from "./window";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the window", () => {
  it("weeks start on Monday 00:00 UTC", () => {
    expect(weekStart(new Date("2026-03-09T17:20:54Z"))).toEqual(d("2026-03-09")); // a Monday
    expect(weekStart(new Date("2026-03-08T23:59:59Z"))).toEqual(d("2026-03-02")); // a Sunday
  });

  it("ends with the week of the latest posting, not of a later now", () => {
    const w = statsWindow(new Date("2026-03-09T17:20:54Z"), new Date("2026-11-29T09:00:00Z"), 4);
    expect(w.end).toEqual(d("2026-03-16"));
    expect(w.start).toEqual(d("2026-02-16"));
    expect(w.weekStarts).toEqual([d("2026-02-16"), d("2026-02-23"), d("2026-03-02"), d("2026-03-09")]);
    expect(w.monthStarts).toEqual([d("2026-02-01"), d("2026-03-01")]);
  });

  it("a posting dated in the future (a wrong clock) does not move the window past now", () => {
    const w = statsWindow(new Date("2030-01-01T00:00:00Z"), new Date("2026-03-11T12:00:00Z"), 52);
    expect(w.end).toEqual(d("2026-03-16"));
    expect(w.weekStarts).toHaveLength(52);
    expect(statsWindow(null, new Date("2026-03-11T12:00:00Z"), 2).end).toEqual(d("2026-03-16"));
  });
});

function sample(overrides: Partial<ProjectStats> = {}): ProjectStats {
  const window = statsWindow(d("2026-03-04"), d("2026-06-01"), 4);
  return {
    project: "ltp",
    window,
    lostAfterDays: 14,
    response: [
      {
        month: d("2026-03-01"),
        posted: 5,
        answered: 4,
        replyMedianDays: 1.25,
        replyP90Days: 6,
        reviewed: 2,
        reviewMedianDays: 3,
        reviewP90Days: 7.5,
      },
    ],
    merge: { mergedEver: 0, months: [] },
    weekly: [
      { week: d("2026-02-16"), posted: 3, merged: 0 },
      { week: d("2026-03-02"), posted: 2, merged: 1 },
    ],
    lost: [
      { week: d("2026-02-09"), lost: 1 },
      { week: d("2026-03-02"), lost: 4 },
    ],
    areas: { source: "directories", rows: [] },
    ...overrides,
  };
}

describe("shaping", () => {
  it("every week and month of the window gets a row; missing ones are empty", () => {
    const s = sample();
    expect(countsByWeek(s).map((w) => [weekLabel(w.week), w.posted, w.merged])).toEqual([
      ["9 Feb", 0, 0],
      ["16 Feb", 3, 0],
      ["23 Feb", 0, 0],
      ["2 Mar", 2, 1],
    ]);
    expect(lostByWeek(s).map((w) => w.lost)).toEqual([1, 0, 0, 4]);
    expect(responseByMonth(s).map((m) => [monthLabel(m.month), m.posted, m.replyMedianDays])).toEqual([
      ["Feb 26", 0, null],
      ["Mar 26", 5, 1.25],
    ]);
  });

  it("the headline sums the weeks and takes the last week's lost count", () => {
    expect(headline(sample())).toEqual({ posted: 5, answered: 4, reviewed: 2, merged: 1, lostNow: 4 });
  });

  it("with no merged series there is no merge chart; with some there is", () => {
    expect(statsCharts(sample()).merge).toBeNull();
    const merged = statsCharts(
      sample({
        merge: { mergedEver: 3, months: [{ month: d("2026-03-01"), merged: 3, medianDays: 9, p90Days: 20 }] },
      }),
    );
    expect(merged.merge?.svg).toContain("<title>Mar 26: median 9 days</title>");
  });

  it("areas name their source and keep hostile names as text", () => {
    const charts = statsCharts(
      sample({
        areas: {
          source: "maintainers",
          rows: [
            { area: "<script>alert(1)</script>", series: 4, answered: 3, medianDays: 12.34, p90Days: 30 },
          ],
        },
      }),
    );
    expect(charts.areas?.title).toMatch(/MAINTAINERS sections/);
    expect(charts.areas?.svg).not.toMatch(/<script/i);
    expect(charts.areas?.svg).toContain(
      "&lt;script&gt;alert(1)&lt;/script&gt;: 12 days (median), 3/4 answered",
    );
    expect(statsCharts(sample()).areas).toBeNull();
  });

  it("the lost chart says the rule's N and the reply chart's description gives the last month", () => {
    const charts = statsCharts(sample());
    expect(charts.lost.title).toContain("within 14 days");
    expect(charts.firstReply.svg).toContain("4 of 5 series posted in Mar 26 got a reply; median 1.3 days");
  });
});
