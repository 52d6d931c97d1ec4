/**
 * `patchwatch import FILE…`: emits "message stored" for every message of every archive
 * and reacts to it (import-messages.ts), finishes what an interrupted run left pending,
 * then rebuilds every project's series once ("series updated", "series complete").
 */
import type { ProjectConfig } from "../../config/projects-file";
import type { Db } from "../../db/client";
import { ANALYZE_AFTER_MESSAGES, analyzeAfterBulkImport } from "../../db/ingest/analyze-after-bulk";
import { importMessages, type ImportProgress } from "./import-messages";
import type { ImportSummary } from "./import-summary";
import type { Parser } from "./parse-pool";
import { reprocess } from "./reprocess";

/** Imports the archives one after the other, in order; one summary for them all. */
export async function importArchives(
  db: Db,
  projects: ProjectConfig[],
  parser: Parser,
  archives: readonly AsyncIterable<{ raw: Buffer; origin: string }>[],
  options: {
    importInto?: string | undefined;
    /** Progress within the current archive, and the messages read from the archives before it. */
    onProgress?: (archive: ImportProgress, readBefore: number) => void;
  } = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const summaries: ImportSummary[] = [];
  for (const archive of archives) {
    const readBefore = summaries.reduce((n, s) => n + s.read, 0);
    const summary = await importMessages(archive, {
      db,
      projects,
      parser,
      importInto: options.importInto,
      skipSeries: true,
      onProgress: (p) => options.onProgress?.(p, readBefore),
    });
    summaries.push(summary);
  }
  // A previous run killed half-way may have left raw messages unparsed: finish them.
  const finished = await reprocess(db, projects, parser, { pendingOnly: true });
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
  return sum;
}
