import type { ProjectConfig } from "../config";
import type { Db } from "../db/client";
import { nextPendingRaws, resetDerived } from "../db/ingest/pending-raws";
import { writeParsed } from "../db/ingest/write-parsed";
import { syncProjects } from "../db/projects/sync-projects";
import { emptySummary, rebuildSeriesFor, toParsedRaw, type ImportSummary } from "./import-messages";
import type { Parser } from "./parse-pool";

/**
 * Re-derives everything from the stored raw messages (`patchwatch reprocess`), or with
 * `pendingOnly` finishes the raw messages an interrupted run left unparsed.
 */
export async function reprocess(
  db: Db,
  projects: ProjectConfig[],
  parser: Parser,
  options: { pendingOnly?: boolean; onProgress?: (done: number) => void } = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const summary = emptySummary();
  const projectIds = await syncProjects(db, projects);
  if (!options.pendingOnly) await resetDerived(db);
  let after = 0n;
  for (;;) {
    const page = await nextPendingRaws(db, after, 256);
    if (page.length === 0) break;
    after = page[page.length - 1]!.rawId;
    const results = await parser.parse(page.map((p) => p.raw));
    const parsed = page.map((p, i) => toParsedRaw(p.rawId, results[i]!, projects, p.importedInto));
    const w = await writeParsed(db, parsed, projectIds);
    summary.read += page.length;
    summary.stored += w.stored;
    summary.failed += w.failed;
    summary.duplicateMsgids += w.duplicateMsgids;
    summary.patches += w.patches;
    summary.unrouted += w.unrouted;
    options.onProgress?.(summary.read);
  }
  // Routing may have changed with the configuration: rebuild every project.
  const s = await rebuildSeriesFor(db, projectIds, projectIds.keys());
  summary.series = s.series;
  summary.completeSeries = s.complete;
  summary.elapsedMs = performance.now() - started;
  return summary;
}
