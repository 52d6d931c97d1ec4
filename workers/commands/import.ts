import cliProgress from "cli-progress";

import { projectsConfig } from "../../lib/config/server-config";
import type { Db } from "../../lib/db/client";
import { estimateSourceBytes } from "../../lib/flows/ingest/estimate-size";
import { importArchives } from "../../lib/flows/ingest/import-archives";
import type { ImportSummary } from "../../lib/flows/ingest/import-summary";
import { createParser, defaultThreadCount } from "../../lib/flows/ingest/parse-pool";
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
  const projects = projectsConfig().projects;
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
  const skipped: string[] = [];
  const onSkip = (origin: string, reason: string) => {
    skipped.push(`${origin}: ${reason}`);
    process.stderr.write(`\nnot stored: ${origin}: ${reason}\n`);
  };
  try {
    const sum = await importArchives(
      db,
      projects,
      parser,
      paths.map((path) => openMessageSource(path, { onSkip })),
      {
        importInto: opts.project,
        onProgress: (p, done) => {
          const seconds = (performance.now() - started) / 1000;
          bar?.update(Math.min(p.bytes, total), {
            messages: done + p.read,
            rate: ((done + p.read) / seconds).toFixed(0),
          });
        },
      },
    );
    bar?.update(total);
    bar?.stop();
    printSummary(sum);
    if (skipped.length) process.stdout.write(`not stored (over the size limit): ${skipped.length}\n`);
  } finally {
    bar?.stop();
    await parser.close();
  }
}
