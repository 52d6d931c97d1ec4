import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadProjects } from "../../config/projects-file";
import { projectStatsEndpoint } from "../../http/endpoints/project-stats";
import type { ProjectStats } from "../../stats/types";
import { weekStart } from "../../stats/window";
import { fixtures, importFiles } from "../ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { getProjectStats } from "./project-stats";

// The stats of the real LTP sample, checked against the same figures worked out here in
// TypeScript from plain rows (series, their replies and review tags), not from SQL aggregates.

let t: TestDatabase;
let stats: ProjectStats;
const projects = loadProjects(`${__dirname}/../../../projects.json`).projects;
const NOW = new Date("2026-11-29T12:00:00Z");
const DAY = 86_400_000;

interface Facts {
  id: bigint;
  date: Date;
  author: string;
  isPull: boolean;
  firstReply: Date | null;
  closedAt: Date | null;
  files: string[];
}
let facts: Facts[];

beforeAll(async () => {
  t = await createTestDatabase();
  await importFiles(t.db, [fixtures.ltp], projects, "ltp");
  stats = (await getProjectStats(t.db, "ltp", NOW))!;
  const series = await t.prisma.series.findMany({
    where: { project: { name: "ltp" }, date: { not: null } },
    select: {
      id: true,
      date: true,
      authorEmail: true,
      isPull: true,
      obsoletedBy: true,
      mergedAt: true,
      patches: { select: { files: true } },
      messages: {
        where: { role: "reply" },
        select: { message: { select: { fromEmail: true, date: true, autoSubmitted: true } } },
      },
    },
  });
  const dateOfHead = new Map(
    (await t.prisma.series.findMany({ select: { headMsgid: true, date: true } })).map((s) => [
      s.headMsgid,
      s.date,
    ]),
  );
  facts = series.map((s) => {
    const replies = s.messages
      .map((pm) => pm.message)
      .filter((m) => !m.autoSubmitted && m.date && m.fromEmail.toLowerCase() !== s.authorEmail.toLowerCase())
      .map((m) => m.date!.getTime());
    const obsoletedAt = s.obsoletedBy ? (dateOfHead.get(s.obsoletedBy) ?? s.date) : null;
    const ends = [s.mergedAt, obsoletedAt].filter((x): x is Date => x !== null).map((x) => x.getTime());
    return {
      id: s.id,
      date: s.date!,
      author: s.authorEmail.toLowerCase(),
      isPull: s.isPull,
      firstReply: replies.length ? new Date(Math.min(...replies)) : null,
      closedAt: ends.length ? new Date(Math.min(...ends)) : null,
      files: s.patches.flatMap((p) => p.files),
    };
  });
}, 300_000);
afterAll(async () => t.drop());

const inWindow = (f: Facts, start: Date, end: Date) => !f.isPull && f.date >= start && f.date < end;

/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

describe("stats of the LTP sample", () => {
  it("the window ends with the week of the sample's last posting and spans 52 weeks", () => {
    const latest = Math.max(...facts.map((f) => f.date.getTime()));
    expect(stats.window.end.getTime()).toBe(weekStart(new Date(latest)).getTime() + 7 * DAY);
    expect(stats.window.weekStarts).toHaveLength(52);
    expect(stats.lostAfterDays).toBe(14);
  });

  it("series posted per week match a count of the series rows", () => {
    const expected = new Map<number, number>();
    for (const f of facts.filter((f) => inWindow(f, stats.window.start, stats.window.end))) {
      const week = weekStart(f.date).getTime();
      expected.set(week, (expected.get(week) ?? 0) + 1);
    }
    const got = new Map(stats.weekly.filter((w) => w.posted > 0).map((w) => [w.week.getTime(), w.posted]));
    expect(got).toEqual(expected);
    // Six months of the list: a few hundred series.
    const total = [...got.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(200);
    expect(stats.weekly.every((w) => w.merged === 0)).toBe(true);
  });

  it("days to the first reply per month match the replies counted one by one", () => {
    const monthly = new Map<number, { posted: number; days: number[] }>();
    const start = stats.window.monthStarts[0]!;
    for (const f of facts.filter((f) => inWindow(f, start, stats.window.end))) {
      const month = Date.UTC(f.date.getUTCFullYear(), f.date.getUTCMonth(), 1);
      const m = monthly.get(month) ?? { posted: 0, days: [] };
      m.posted++;
      if (f.firstReply) m.days.push(Math.max(0, (f.firstReply.getTime() - f.date.getTime()) / DAY));
      monthly.set(month, m);
    }
    expect(stats.response.map((r) => r.month.getTime())).toEqual([...monthly.keys()].sort((a, b) => a - b));
    for (const row of stats.response) {
      const m = monthly.get(row.month.getTime())!;
      expect(row.posted).toBe(m.posted);
      expect(row.answered).toBe(m.days.length);
      expect(row.replyMedianDays).toBeCloseTo(percentile(m.days, 0.5)!, 6);
      expect(row.replyP90Days).toBeCloseTo(percentile(m.days, 0.9)!, 6);
      expect(row.reviewed).toBeLessThanOrEqual(row.posted);
    }
    // Most LTP series get an answer; reviews are fewer than replies.
    const answered = stats.response.reduce((n, r) => n + r.answered, 0);
    const reviewed = stats.response.reduce((n, r) => n + r.reviewed, 0);
    expect(answered).toBeGreaterThan(reviewed);
    expect(reviewed).toBeGreaterThan(50);
  });

  it("the first Reviewed-by of a hand-picked series is the reply that gave it", async () => {
    // The reviews given in replies, per series, from the trailer rows.
    const tags = await t.prisma.trailer.findMany({
      where: {
        kind: { in: ["Reviewed-by", "Acked-by"] },
        origin: { notIn: ["in_patch", "carried"] },
        patch: { series: { project: { name: "ltp" } } },
      },
      select: { email: true, source: { select: { date: true } }, patch: { select: { seriesId: true } } },
    });
    const byMonth = new Map<number, number>();
    const start = stats.window.monthStarts[0]!;
    const firstReview = new Map<bigint, number>();
    const byId = new Map(facts.map((f) => [f.id, f]));
    for (const tag of tags) {
      const f = byId.get(tag.patch.seriesId);
      if (!f || (tag.email ?? "").toLowerCase() === f.author || !tag.source.date) continue;
      const at = tag.source.date.getTime();
      firstReview.set(f.id, Math.min(firstReview.get(f.id) ?? Infinity, at));
    }
    for (const [id] of firstReview) {
      const f = byId.get(id)!;
      if (!inWindow(f, start, stats.window.end)) continue;
      const month = Date.UTC(f.date.getUTCFullYear(), f.date.getUTCMonth(), 1);
      byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    }
    for (const row of stats.response) expect(row.reviewed).toBe(byMonth.get(row.month.getTime()) ?? 0);
  });

  it("lost series at the end of each week match the rule applied to each series", () => {
    const n = stats.lostAfterDays * DAY;
    for (const week of stats.lost) {
      const end = week.week.getTime() + 7 * DAY;
      const expected = facts.filter(
        (f) =>
          !f.isPull &&
          f.date.getTime() + n <= end &&
          (f.firstReply === null || f.firstReply.getTime() > end) &&
          (f.closedAt === null || f.closedAt.getTime() > end),
      ).length;
      expect(week.lost, week.week.toISOString()).toBe(expected);
    }
    expect(Math.max(...stats.lost.map((w) => w.lost))).toBeGreaterThan(0);
  });

  it("without MAINTAINERS data, areas are top-level directories, slowest first", () => {
    expect(stats.areas.source).toBe("directories");
    expect(stats.areas.rows.length).toBeGreaterThan(0);
    const medians = stats.areas.rows.map((r) => r.medianDays!);
    expect(medians).toEqual([...medians].sort((a, b) => b - a));
    const top = stats.areas.rows[0]!;
    const dir = (file: string) => (file.includes("/") ? `${file.split("/")[0]}/` : "(top level)");
    const touching = facts.filter(
      (f) =>
        inWindow(f, stats.window.start, stats.window.end) && f.files.some((file) => dir(file) === top.area),
    );
    expect(top.series).toBe(touching.length);
    expect(top.answered).toBe(touching.filter((f) => f.firstReply).length);
    expect(stats.areas.rows.find((r) => r.area === "testcases/")?.series).toBeGreaterThan(50);
  });

  it("with MAINTAINERS sections and merged series, those are used; names stay as given", async () => {
    const inside = facts.filter((f) => inWindow(f, stats.window.start, stats.window.end) && f.firstReply);
    const picked = inside.slice(0, 4);
    await t.prisma.seriesResponsible.createMany({
      data: picked.map((f, i) => ({
        seriesId: f.id,
        email: `m${i}@example.org`,
        role: "maintainer",
        sections: ["<script>alert(1)</script>", "SYSCALLS"],
        rank: 0,
      })),
    });
    const mergedAt = new Date(picked[0]!.date.getTime() + 10 * DAY);
    await t.prisma.series.update({ where: { id: picked[0]!.id }, data: { mergedAt } });
    await t.prisma.series.update({
      where: { id: picked[1]!.id },
      data: { mergedAt: new Date(picked[1]!.date.getTime() + 20 * DAY) },
    });
    const again = (await getProjectStats(t.db, "ltp", NOW))!;
    expect(again.areas.source).toBe("maintainers");
    expect(again.areas.rows.map((r) => r.area).sort()).toEqual(["<script>alert(1)</script>", "SYSCALLS"]);
    expect(again.areas.rows[0]!.series).toBe(4);
    expect(again.merge.mergedEver).toBe(2);
    const mergedDays = again.merge.months.flatMap((m) => Array(m.merged).fill(m.medianDays));
    expect(mergedDays.length).toBe(2);
    expect(again.weekly.reduce((n, w) => n + w.merged, 0)).toBe(2);
  });

  it("the API answers the same numbers as JSON, and 404 for an unknown project", async () => {
    const response = await projectStatsEndpoint.respond(
      () => t.db,
      new Request("http://localhost/api/v1/projects/ltp/stats"),
      { project: "ltp" },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      weekly: { week: string; posted: number }[];
      lostAfterDays: number;
    };
    expect(body.lostAfterDays).toBe(14);
    expect(body.weekly.reduce((n, w) => n + w.posted, 0)).toBe(
      stats.weekly.reduce((n, w) => n + w.posted, 0),
    );
    expect(body.weekly).toHaveLength(52);
    expect(body.weekly[0]!.week).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/);
    const missing = await projectStatsEndpoint.respond(
      () => t.db,
      new Request("http://localhost/api/v1/projects/nope/stats"),
      { project: "nope" },
    );
    expect(missing.status).toBe(404);
  });
});
