import type { ProjectConfig } from "../../config/projects-file";
import type { Db } from "../../db/client";
import { resetDerived } from "../../db/ingest/pending-raws";
import { syncProjects } from "../../db/projects/sync-projects";
import { emptySummary, type ImportSummary } from "./import-summary";
import type { Parser } from "./parse-pool";
import { processPendingRaws } from "./process-pending";
import { rebuildSeriesFor } from "./rebuild-project-series";

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
  const projectIds = await syncProjects(db, projects);
  if (!options.pendingOnly) await resetDerived(db);
  const processed = await processPendingRaws(db, projects, projectIds, parser, {
    onBatch: (s) => options.onProgress?.(s.read),
  });
  // Routing may have changed with the configuration: rebuild every project.
  const s = await rebuildSeriesFor(db, projectIds, projectIds.keys());
  return {
    ...emptySummary(),
    read: processed.read,
    stored: processed.stored,
    failed: processed.failed,
    duplicateMsgids: processed.duplicateMsgids,
    patches: processed.patches,
    unrouted: processed.unrouted,
    series: s.series,
    completeSeries: s.complete,
    elapsedMs: performance.now() - started,
  };
}
