/**
 * bench/series-update: what assembling series costs per arriving message, incremental
 * (updateProjectSeries) against a full rebuild (rebuildProjectSeries), on a project the
 * size of several years of a busy list.
 *
 *   npx tsx bench/series-update.ts [-- --copies 10] [--new 200] [--archive FILE]
 *
 * Imports the LTP slice `--copies` times under rewritten Message-IDs (threads kept
 * intact; 10 copies = ~24,000 messages) except `--new` messages of the last copy, spread
 * over it, assembles once with a full rebuild, then writes the held-back messages one at
 * a time in archive order, timing updateProjectSeries for each, and times full rebuilds
 * of the final project. Checks at the end that a rebuild changes nothing. With
 * DATABASE_URL set, a fresh database is created on that server; otherwise a private
 * embedded server is started in a temporary directory.
 */
import path from "node:path";
import { parseArgs } from "node:util";

import { loadProjects } from "../lib/config/projects-file";
import { closeDb, createDb, type Db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { rebuildProjectSeries } from "../lib/flows/ingest/rebuild-project-series";
import { updateProjectSeries } from "../lib/flows/ingest/update-project-series";
import { derivedState, stateDifferences } from "../lib/db/test-support/derived-state";
import { prismaForTests } from "../lib/db/test-support/prisma-for-tests";
import { importMessages } from "../lib/flows/ingest/import-messages";
import { inlineParser } from "../lib/flows/ingest/parse-pool";
import { openMessageSource } from "../lib/mbox/open-source";
import { freshDatabase, percentile, rewriteIds } from "./support";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { values } = parseArgs({
  options: {
    copies: { type: "string", default: "10" },
    new: { type: "string", default: "200" },
    archive: { type: "string", default: path.join(root, "prisma/seed/ltp-2025-09..2026-03.mbox.gz") },
  },
});
const copies = Number(values.copies);
const held = Number(values.new);

function summary(list: readonly number[], unit: string): string {
  const s = [...list].sort((a, b) => a - b);
  const f = (x: number) => (unit === "ms" ? x.toFixed(1) : String(x));
  return `median ${f(percentile(s, 50))}, p90 ${f(percentile(s, 90))}, p99 ${f(percentile(s, 99))}, max ${f(s[s.length - 1] ?? 0)} ${unit}`;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

async function main(): Promise<void> {
  const messages: Buffer[] = [];
  for await (const { raw } of openMessageSource(values.archive)) messages.push(raw);
  const { url, cleanup } = await freshDatabase("series");
  await migrate(url);
  const db: Db = createDb(url);
  const projects = loadProjects(path.join(root, "projects.json")).projects;
  const parser = inlineParser();
  const options = { db, projects, parser, importInto: "ltp", skipSeries: true };

  // Held back: every k-th message of the last copy, so replies, patches and covers all come.
  const step = Math.max(1, Math.floor(messages.length / held));
  const isHeld = (copy: number, i: number) => copy === copies - 1 && i % step === 0;
  async function* bulk() {
    for (let c = 0; c < copies; c++)
      for (const [i, m] of messages.entries())
        if (!isHeld(c, i)) yield { raw: rewriteIds(m, c), origin: `copy ${c} #${i}` };
  }
  const [imported, importMs] = await timed(() => importMessages(bulk(), options));
  const projectId = (await prismaForTests(db).project.findUniqueOrThrow({ where: { name: "ltp" } })).id;
  const [first, firstMs] = await timed(() => rebuildProjectSeries(db, projectId));
  await prismaForTests(db).$executeRawUnsafe("ANALYZE");
  console.log(
    `imported ${imported.stored} messages in ${(importMs / 1000).toFixed(1)} s; first full assembly: ${first.series} series in ${firstMs.toFixed(0)} ms`,
  );

  const updateMs: number[] = [];
  const closures: number[] = [];
  const rounds: number[] = [];
  const byKind = new Map<string, number[]>();
  for (const [i, m] of messages.entries()) {
    if (!isHeld(copies - 1, i)) continue;
    const before = await prismaForTests(db).message.aggregate({ _max: { id: true } });
    async function* one() {
      yield { raw: rewriteIds(m, copies - 1), origin: `copy ${copies - 1} #${i}` };
    }
    await importMessages(one(), options);
    const added = await prismaForTests(db).message.findMany({
      where: { id: { gt: before._max.id ?? 0n } },
      select: { id: true, kind: true },
    });
    const [r, ms] = await timed(() =>
      updateProjectSeries(
        db,
        projectId,
        added.map((a) => a.id),
      ),
    );
    updateMs.push(ms);
    if (ms > 200) console.log(`  slow: ${ms.toFixed(0)} ms, closure ${r.closure}, ${JSON.stringify(r.ms)}`);
    closures.push(r.closure);
    rounds.push(r.rounds);
    for (const a of added) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), ms]);
  }
  console.log(`updateProjectSeries, one new message at a time (${updateMs.length} messages):`);
  console.log(`  time:    ${summary(updateMs, "ms")}`);
  for (const [kind, list] of byKind) console.log(`    ${kind} (${list.length}): ${summary(list, "ms")}`);
  console.log(`  closure: ${summary(closures, "messages")}; lookup rounds: ${summary(rounds, "")}`);

  const incremental = await derivedState(db, "ltp");
  const rebuildMs: number[] = [];
  for (let k = 0; k < 3; k++) rebuildMs.push((await timed(() => rebuildProjectSeries(db, projectId)))[1]);
  const total = await prismaForTests(db).projectMessage.count({ where: { projectId } });
  console.log(`rebuildProjectSeries of the whole project (${total} messages): ${summary(rebuildMs, "ms")}`);
  const differences = stateDifferences(incremental, await derivedState(db, "ltp"));
  console.log(
    differences.length === 0
      ? "after the incremental updates, a full rebuild changes nothing"
      : `a full rebuild changed:\n${differences.join("\n")}`,
  );

  await closeDb(db);
  await cleanup();
  if (differences.length > 0) process.exit(1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
