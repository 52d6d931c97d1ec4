/**
 * bench/lost: the lost list of a project with 500,000 messages.
 *
 *   npm run bench:lost [-- --project ltp] [--runs 30] [--limit 50]
 *
 * Runs on the pw_scale database bench/scale builds (DATABASE_URL's server, or
 * 127.0.0.1:5432), applying pending migrations first and never rebuilding it. Measures, in
 * one run: the first page of the lost list (listLost, people and pings included), the
 * following page through its cursor, the orphaned areas, and as the baseline the series
 * list's first page (listSeries, the query bench/scale measures over HTTP); p50/p95 in
 * milliseconds, rows, and the process's peak memory. Goal: lost list p95 under 200 ms.
 */
import { parseArgs } from "node:util";

import { closeDb, createDb } from "../lib/db/client";
import { listLost } from "../lib/flows/lost/list-lost";
import { listOrphaned } from "../lib/flows/lost/list-orphaned";
import { migrate } from "../lib/db/migrate";
import { listSeries } from "../lib/db/series/list-series";
import { prismaForTests } from "../lib/db/test-support/prisma-for-tests";
import { percentile } from "./support";

const { values } = parseArgs({
  options: {
    project: { type: "string", default: "ltp" },
    runs: { type: "string", default: "30" },
    limit: { type: "string", default: "50" },
  },
});
const runs = Number(values.runs);
const limit = Number(values.limit);
const project = values.project;
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const dbUrl = (() => {
  const u = new URL(server);
  u.pathname = "/pw_scale";
  return u.toString();
})();

async function measure(label: string, run: () => Promise<number>): Promise<void> {
  await run(); // warm the cache and the plan
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    rows = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95)
      .toFixed(1)
      .padStart(7)} ms   rows ${rows}`,
  );
}

async function main(): Promise<void> {
  await migrate(dbUrl);
  const db = createDb(dbUrl);
  try {
    const [{ count }] = (await prismaForTests(db).$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) FROM message`,
    )) as [{ count: bigint }];
    const [{ current }] = (await prismaForTests(db).$queryRawUnsafe<{ current: bigint }[]>(
      `SELECT count(*) AS current FROM series s JOIN project p ON p.id = s.project_id
        WHERE p.name = $1 AND s.obsoleted_by IS NULL AND s.merged_at IS NULL`,
      project,
    )) as [{ current: bigint }];
    console.log(`pw_scale: ${count} messages, ${current} current series in ${project}; ${runs} runs each\n`);
    const now = new Date();
    const first = await listLost(db, { project, now, limit });
    if (!first) throw new Error(`no project ${project} in pw_scale`);
    const reasons = new Map<string, number>();
    for (const r of first.rows) reasons.set(r.verdict.reason, (reasons.get(r.verdict.reason) ?? 0) + 1);
    console.log(
      `first page: ${first.rows.length} lost of ${first.examined} current series examined (${[...reasons]
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}); who to ping from ${first.rows[0]?.people.source ?? "-"}\n`,
    );
    await measure("series list, first page (baseline)", async () => {
      return (await listSeries(db, { projects: [project], now, limit })).rows.length;
    });
    await measure(`lost list, first page (${limit})`, async () => {
      return (await listLost(db, { project, now, limit }))!.rows.length;
    });
    if (first.next) {
      const after = first.next;
      await measure(`lost list, second page`, async () => {
        return (await listLost(db, { project, now, limit, after }))!.rows.length;
      });
    }
    await measure(`orphaned areas, first page`, async () => {
      return (await listOrphaned(db, { project, now, limit }))!.rows.length;
    });
    // The whole list, page after page, once: how many series are lost in all.
    const started = performance.now();
    let total = 0;
    let pages = 0;
    let after: string | undefined;
    do {
      const page = (await listLost(db, { project, now, limit: 200, after }))!;
      total += page.rows.length;
      pages++;
      after = page.next ?? undefined;
    } while (after);
    console.log(
      `\nwhole lost list: ${total} series in ${pages} pages of 200, ${(performance.now() - started).toFixed(0)} ms`,
    );
    console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    await closeDb(db);
  }
}

await main();
