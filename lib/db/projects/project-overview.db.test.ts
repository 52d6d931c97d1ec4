import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadProjects } from "../../config/projects-file";
import { fixtures, importFiles } from "../../flows/ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { getProjectOverview, RECENT_DAYS, type ProjectOverview } from "./project-overview";

// The LTP archive (2025-07 to 2026-03) as `npm start` imports it, with every configured project.
let t: TestDatabase;
const projects = loadProjects(`${__dirname}/../../../projects.json`).projects;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestDatabase();
  await importFiles(t.db, [fixtures.ltp], projects, "ltp");
}, 300_000);
afterAll(async () => t.drop());

async function ltpAt(now: Date): Promise<ProjectOverview> {
  const ltp = (await getProjectOverview(t.db, now)).find((p) => p.name === "ltp");
  if (!ltp) throw new Error("no ltp row");
  return ltp;
}

describe("the projects overview on the LTP archive", () => {
  const ltpSeries = { project: { name: "ltp" } };

  it.each([
    ["total", {}],
    ["open", { obsoletedBy: null, mergedAt: null }],
    ["complete", { complete: true }],
    ["reviewed", { reviewed: true }],
    ["obsolete", { obsoletedBy: { not: null } }],
    ["merged", { mergedAt: { not: null } }],
    ["rfc", { isRfc: true }],
    ["pull", { isPull: true }],
  ] as const)("counts %s series as a direct count of the series table does", async (state, where) => {
    const ltp = await ltpAt(new Date("2026-03-10T00:00:00Z"));
    expect(ltp.series[state]).toBe(await t.prisma.series.count({ where: { ...ltpSeries, ...where } }));
  });

  it("gives the archive's known figures: 445 series, 441 complete, 216 reviewed, 170 obsolete", async () => {
    const ltp = await ltpAt(new Date("2026-03-10T00:00:00Z"));
    expect(ltp).toMatchObject({
      displayName: "Linux Test Project",
      parent: null,
      series: { total: 445, complete: 441, reviewed: 216, obsolete: 170, merged: 0, open: 275 },
    });
  });

  it("counts the 30 days before a fixed now: series posted, series active, messages dated", async () => {
    const now = new Date("2026-03-10T00:00:00Z");
    const start = new Date(now.getTime() - RECENT_DAYS * DAY);
    const ltp = await ltpAt(now);
    expect(ltp.recent).toEqual({
      days: 30,
      newSeries: await t.prisma.series.count({ where: { ...ltpSeries, date: { gte: start, lte: now } } }),
      activeSeries: await t.prisma.series.count({
        where: { ...ltpSeries, lastActivity: { gte: start, lte: now } },
      }),
      messages: await t.prisma.projectMessage.count({
        where: { project: { name: "ltp" }, message: { date: { gte: start, lte: now } } },
      }),
    });
    expect(ltp.recent).toMatchObject({ newSeries: 84, activeSeries: 109, messages: 435 });
  });

  it("counts nothing recent before the archive's first message, and the totals stay", async () => {
    const ltp = await ltpAt(new Date("2025-06-01T00:00:00Z"));
    expect(ltp.recent).toMatchObject({ newSeries: 0, activeSeries: 0, messages: 0 });
    expect(ltp.series.total).toBe(445);
  });

  it("lists every configured project, subprojects after their parent, with zero counts where no mail came", async () => {
    const rows = await getProjectOverview(t.db, new Date("2026-03-10T00:00:00Z"));
    expect(rows.map((p) => [p.name, p.parent])).toEqual([
      ["ltp", null],
      ["qemu", null],
      ["qemu-block", "qemu"],
      ["qemu-web", "qemu"],
      ["xen", null],
    ]);
    const qemu = rows.find((p) => p.name === "qemu")!;
    expect(qemu.series.total).toBe(0);
    expect(qemu.lastActivity).toBeNull();
  });
});
