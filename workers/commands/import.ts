import cliProgress from "cli-progress";

import { loadConfig, loadProjects } from "../../lib/config";
import type { Db } from "../../lib/db/client";
import { ANALYZE_AFTER_MESSAGES, analyzeAfterBulkImport } from "../../lib/db/ingest/analyze-after-bulk";
import { estimateSourceBytes } from "../../lib/ingest/estimate-size";
import { importMessages, type ImportSummary } from "../../lib/ingest/import-messages";
import { createParser, defaultThreadCount } from "../../lib/ingest/parse-pool";
import { reprocess } from "../../lib/ingest/reprocess";
import { openMessageSource } from "../../lib/mbox/open-source";

export function printSummary(summary: ImportSummary, out: NodeJS.WritableStream = process.stdout): void {
  const rate = summary.read / (summary.elapsedMs / 1000 || 1);
  out.write(
    [
      `messages read:       ${summary.read} (${rate.toFixed(0)}/s)`,
      `new:                 ${summary.newRaw}`,
      `already stored:      ${summary.sameBytes} (identical bytes)`,
      `duplicate Message-ID:${String(summary.duplicateMsgids).padStart(2)} (kept raw, not processed twice)`,
      `parsed and stored:   ${summary.stored} (${summary.patches} patches, ${summary.unrouted} not routed to a project)`,
      `errors:              ${summary.failed} (kept raw with the error; see 'patchwatch messages --json')`,
      `series:              ${summary.series} (${summary.completeSeries} complete)`,
      `time:                ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    ].join("\n") + "\n",
  );
}

export async function importCommand(
  db: Db,
  paths: string[],
  opts: { project?: string; threads?: number; progress: boolean },
): Promise<void> {
  const config = loadConfig();
  const projects = loadProjects(config.projectsFile).projects;
  const threads = opts.threads ?? defaultThreadCount();
  const parser = createParser(threads);
  const showBar = opts.progress && process.stderr.isTTY;
  const total = showBar ? paths.reduce((n, p) => n + estimateSourceBytes(p), 0) : 0;
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          format:
            "importing [{bar}] {percentage}% | {messages} messages | {rate} msg/s | ETA {eta_formatted}",
          stream: process.stderr,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const started = performance.now();
  bar?.start(Math.max(total, 1), 0, { messages: 0, rate: 0 });
  const summaries: ImportSummary[] = [];
  const skipped: string[] = [];
  try {
    for (const path of paths) {
      const done = summaries.reduce((n, s) => n + s.read, 0);
      const onSkip = (origin: string, reason: string) => {
        skipped.push(`${origin}: ${reason}`);
        process.stderr.write(`\nnot stored: ${origin}: ${reason}\n`);
      };
      const summary = await importMessages(openMessageSource(path, { onSkip }), {
        db,
        projects,
        parser,
        importInto: opts.project,
        skipSeries: true,
        onProgress: (p) => {
          const seconds = (performance.now() - started) / 1000;
          bar?.update(Math.min(p.bytes, total), {
            messages: done + p.read,
            rate: ((done + p.read) / seconds).toFixed(0),
          });
        },
      });
      summaries.push(summary);
    }
    // A previous run killed half-way may have left raw messages unparsed: finish them.
    const finished = await reprocess(db, projects, parser, { pendingOnly: true });
    bar?.update(total);
    bar?.stop();
    const sum = summaries.reduce((a, s) => {
      for (const k of Object.keys(a) as (keyof ImportSummary)[]) a[k] += s[k];
      return a;
    });
    sum.stored += finished.stored;
    sum.failed += finished.failed;
    sum.patches += finished.patches;
    sum.series = finished.series;
    sum.completeSeries = finished.completeSeries;
    if (sum.stored >= ANALYZE_AFTER_MESSAGES) await analyzeAfterBulkImport(db);
    sum.elapsedMs = performance.now() - started;
    printSummary(sum);
    if (skipped.length) process.stdout.write(`not stored (over the size limit): ${skipped.length}\n`);
  } finally {
    bar?.stop();
    await parser.close();
  }
}
