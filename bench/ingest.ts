/**
 * bench/ingest: imports the LTP slice into a fresh database and prints messages/second,
 * wall time, peak RSS, the rate of the first and last 10% of the import, and, in the
 * same run on the same messages, the raw parse rate of mailparser alone (the baseline).
 *
 *   npm run bench:ingest [-- --copies N] [--threads N] [--archive FILE]
 *
 * --copies N imports the archive N times with rewritten Message-IDs (threads kept
 * intact), to show whether the cost per message stays flat as the database grows.
 * With DATABASE_URL set, a fresh database is created on that server; otherwise a
 * private embedded server is started in a temporary directory.
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { simpleParser } from "mailparser";

import { loadProjects } from "../lib/config/projects-file";
import { closeDb, createDb } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { importMessages } from "../lib/flows/ingest/import-messages";
import { createParser, defaultThreadCount } from "../lib/flows/ingest/parse-pool";
import { openMessageSource } from "../lib/mbox/open-source";
import { freshDatabase, percentile, rewriteIds } from "./support";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { values } = parseArgs({
  options: {
    copies: { type: "string", default: "1" },
    threads: { type: "string", default: String(defaultThreadCount()) },
    archive: { type: "string", default: path.join(root, "prisma/seed/ltp-2025-09..2026-03.mbox.gz") },
  },
});
const copies = Number(values.copies);
const threads = Number(values.threads);

async function main(): Promise<void> {
  const messages: Buffer[] = [];
  for await (const { raw } of openMessageSource(values.archive)) messages.push(raw);
  const bytes = messages.reduce((n, m) => n + m.length, 0);
  console.log(
    `corpus: ${path.basename(values.archive)}: ${messages.length} messages, ${(bytes / 1e6).toFixed(1)} MB; copies: ${copies}; parser threads: ${threads}; ${os.cpus().length} CPUs`,
  );

  // Baseline: mailparser alone, one thread, same messages, same process; measured before
  // and after the import, and the ratio taken to their mean, since the machine is shared
  // and its speed drifts within a run.
  const mailparserRate = async () => {
    const started = performance.now();
    for (const m of messages)
      await simpleParser(m, {
        skipHtmlToText: true,
        skipTextToHtml: true,
        skipTextLinks: true,
        skipImageLinks: true,
      });
    return messages.length / ((performance.now() - started) / 1000);
  };
  const baselineBefore = await mailparserRate();

  const { url, cleanup } = await freshDatabase();
  await migrate(url);
  const db = createDb(url);
  const projects = loadProjects(path.join(root, "projects.json")).projects;
  const parser = createParser(threads);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const marks: { read: number; at: number }[] = [{ read: 0, at: 0 }];
  const total = messages.length * copies;
  async function* source() {
    for (let c = 0; c < copies; c++)
      for (const [i, m] of messages.entries()) yield { raw: rewriteIds(m, c), origin: `copy ${c} #${i}` };
  }
  const t = performance.now();
  const summary = await importMessages(source(), {
    db,
    projects,
    parser,
    importInto: "ltp",
    batchSize: 256,
    onWritten: (written) => marks.push({ read: written, at: performance.now() - t }),
  });
  const wall = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

  const rateBetween = (from: number, to: number) => {
    // The batches around the span: the last written at or before its start, the first
    // written at or after its end.
    const a = marks.findLast((m) => m.read <= from) ?? marks[0]!;
    const b = marks.find((m) => m.read >= to) ?? marks[marks.length - 1]!;
    return (b.read - a.read) / ((b.at - a.at) / 1000);
  };
  const batchMs = marks
    .slice(1)
    .map((m, i) => m.at - marks[i]!.at)
    .sort((x, y) => x - y);
  const endToEnd = total / wall;
  const baselineAfter = await mailparserRate();
  const baseline = (baselineBefore + baselineAfter) / 2;
  console.log(
    `baseline  mailparser simpleParser alone: ${baseline.toFixed(0)} msg/s (${baselineBefore.toFixed(0)} before the import, ${baselineAfter.toFixed(0)} after)`,
  );
  console.log(
    `end-to-end import (raw store + parse + write + series assembly): ${endToEnd.toFixed(0)} msg/s, wall ${wall.toFixed(2)} s`,
  );
  console.log(`  ratio to the mailparser baseline: ${(endToEnd / baseline).toFixed(2)}`);
  // Deciles 2 and 9, not 1 and 10: the first holds the pipeline filling up, the last its draining.
  console.log(
    `  as the database grows: ${rateBetween(total * 0.1, total * 0.2).toFixed(0)} msg/s over the 2nd tenth of the import, ${rateBetween(total * 0.8, total * 0.9).toFixed(0)} msg/s over the 9th`,
  );
  console.log(
    `  per 256-message batch: p50 ${percentile(batchMs, 50).toFixed(0)} ms, p95 ${percentile(batchMs, 95).toFixed(0)} ms, p99 ${percentile(batchMs, 99).toFixed(0)} ms`,
  );
  console.log(`  peak RSS (this process, parser threads included): ${(peakRss / 2 ** 20).toFixed(0)} MB`);
  console.log(
    `  stored ${summary.stored}, failed ${summary.failed}, series ${summary.series} (${summary.completeSeries} complete)`,
  );

  await parser.close();
  await closeDb(db);
  await cleanup();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
