/**
 * bench/stats: the queries of a project's stats page on a project with 500,000 messages.
 *
 *   npx tsx bench/stats.ts [--project ltp] [--runs 10]
 *
 * Runs on the pw_scale database bench/scale builds (DATABASE_URL's server, or
 * 127.0.0.1:5432), applying pending migrations first and never rebuilding it. Each query
 * of lib/db/stats alone (p50/p95 in milliseconds after one warm-up run), then the whole
 * page's loader, which runs them side by side.
 */
import { parseArgs } from "node:util";

import { closeDb, createDb } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { getAreaResponse } from "../lib/db/stats/area-response";
import { getProjectStats } from "../lib/flows/stats/project-stats";
import { getLostOverTime } from "../lib/db/stats/lost-over-time";
import { getMergeTimes } from "../lib/db/stats/merge-times";
import { getResponseTimes } from "../lib/db/stats/response-times";
import { getWeeklyCounts } from "../lib/db/stats/weekly-counts";
import { prismaForTests } from "../lib/db/test-support/prisma-for-tests";
import { percentile } from "./support";

const { values } = parseArgs({
  options: { project: { type: "string", default: "ltp" }, runs: { type: "string", default: "10" } },
});
const runs = Number(values.runs);
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const dbUrl = (() => {
  const u = new URL(server);
  u.pathname = "/pw_scale";
  return u.toString();
})();

async function measure(label: string, run: () => Promise<unknown>): Promise<void> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = (p: number) => percentile(times, p).toFixed(1).padStart(7);
  console.log(`${label.padEnd(28)} p50 ${ms(50)} ms   p95 ${ms(95)} ms`);
}

async function main(): Promise<void> {
  await migrate(dbUrl);
  const db = createDb(dbUrl);
  try {
    const now = new Date();
    const stats = await getProjectStats(db, values.project, now);
    if (!stats) throw new Error(`no project ${values.project} in pw_scale`);
    const [{ count }] = (await prismaForTests(db).$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) FROM message`,
    )) as [{ count: bigint }];
    const project = await prismaForTests(db).project.findUniqueOrThrow({ where: { name: values.project } });
    const w = stats.window;
    const months = { start: w.monthStarts[0]!, end: w.end };
    console.log(
      `${count} messages; window ${w.start.toISOString().slice(0, 10)} .. ${w.end.toISOString().slice(0, 10)}; ` +
        `${stats.weekly.reduce((n, r) => n + r.posted, 0)} series posted in it; areas from ${stats.areas.source}`,
    );
    await measure("response times (by month)", () => getResponseTimes(db, project.id, months));
    await measure("merge times (by month)", () => getMergeTimes(db, project.id, months));
    await measure("posted/merged per week", () => getWeeklyCounts(db, project.id, w));
    await measure("lost over time (52 weeks)", () => getLostOverTime(db, project.id, w, stats.lostAfterDays));
    await measure("slowest areas", () => getAreaResponse(db, project.id, w));
    await measure("whole page (side by side)", () => getProjectStats(db, values.project, now));
  } finally {
    await closeDb(db);
  }
}

await main();
