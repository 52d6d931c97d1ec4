/**
 * The bulk import (`patchwatch import`, the sample archive at first start): emits
 * "message stored" for every message read, then reacts to it as the processor does
 * (parse-stored-messages.ts), and rebuilds the series of the projects it touched
 * ("series updated", "series complete").
 */
import type { ProjectConfig } from "../../config/projects-file";
import type { Db } from "../../db/client";
import { ANALYZE_AFTER_MESSAGES, analyzeAfterBulkImport } from "../../db/ingest/analyze-after-bulk";
import { storeRawMessages, type IncomingRaw } from "../../db/ingest/store-raw";
import { writeParsed } from "../../db/ingest/write-parsed";
import { syncProjects } from "../../db/projects/sync-projects";
import { emptySummary, type ImportSummary } from "./import-summary";
import type { Parser } from "./parse-pool";
import { parseStoredMessages } from "./parse-stored-messages";
import { rebuildSeriesFor } from "./rebuild-project-series";

/**
 * The import pipeline: raw bytes stored first (committed), then parsed on the parser's
 * threads, then written; series are re-derived per touched project at the end. Batches
 * overlap: while one is parsed, the previous one is written.
 */
export interface ImportProgress {
  read: number;
  bytes: number;
}

export interface ImportOptions {
  db: Db;
  projects: ProjectConfig[];
  parser: Parser;
  importInto?: string | undefined;
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Called after each batch is written, with the number of messages written so far. */
  onWritten?: (written: number) => void;
  /** Skip series re-derivation (the caller does it once for several imports). */
  skipSeries?: boolean;
}

export async function importMessages(
  source: AsyncIterable<{ raw: Buffer; origin: string }>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const { db, projects, parser, importInto } = options;
  const batchSize = options.batchSize ?? 256;
  const projectIds = await syncProjects(db, projects);
  const summary = emptySummary();
  const touched = new Set<string>();
  const progress: ImportProgress = { read: 0, bytes: 0 };

  // Three stages, each in order, overlapping across batches: while batch k is written,
  // k+1 is parsed (on the parser's thread) and k+2 is stored. Raw bytes are always
  // committed before their batch is parsed.
  let writtenSoFar = 0;
  let storing: Promise<unknown> = Promise.resolve();
  let parsing: Promise<unknown> = Promise.resolve();
  let writing: Promise<unknown> = Promise.resolve();
  const submit = (batch: IncomingRaw[]): Promise<unknown> => {
    const stored = storing.then(() => storeRawMessages(db, batch));
    storing = stored;
    const parsed = Promise.all([stored, parsing]).then(async ([rows]) => {
      summary.newRaw += rows.filter((r) => r.isNew).length;
      summary.sameBytes += rows.filter((r) => !r.isNew).length;
      const pending = rows.flatMap((r, i) =>
        r.pending ? [{ rawId: r.rawId, raw: batch[i]!.raw, importedInto: batch[i]!.importedInto }] : [],
      );
      return parseStoredMessages(parser, projects, pending);
    });
    parsing = parsed;
    const written = Promise.all([parsed, writing]).then(async ([items]) => {
      const w = await writeParsed(db, items, projectIds);
      summary.stored += w.stored;
      summary.failed += w.failed;
      summary.duplicateMsgids += w.duplicateMsgids;
      summary.patches += w.patches;
      summary.unrouted += w.unrouted;
      for (const t of w.touchedProjects) touched.add(t);
      writtenSoFar += batch.length;
      options.onWritten?.(writtenSoFar);
    });
    writing = written;
    return written;
  };

  const MAX_IN_FLIGHT = 3;
  const inFlight: Promise<unknown>[] = [];
  let batch: IncomingRaw[] = [];
  // Slow start: the first batches are small, so that all three stages are busy after a
  // few dozen messages rather than after a whole batch has gone through each in turn.
  let nextBatchSize = Math.max(1, Math.min(batchSize, 32));
  const flush = async () => {
    if (batch.length === 0) return;
    inFlight.push(submit(batch));
    batch = [];
    nextBatchSize = Math.min(batchSize, nextBatchSize * 2);
    if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
    options.onProgress?.(progress);
  };
  try {
    for await (const { raw, origin } of source) {
      batch.push({ raw, source: origin, importedInto: importInto });
      summary.read++;
      progress.read++;
      progress.bytes += raw.length;
      if (batch.length >= nextBatchSize) await flush();
    }
    await flush();
  } finally {
    // Let every batch already started finish (or fail) before returning or rethrowing.
    await Promise.allSettled(inFlight);
  }
  await Promise.all(inFlight);
  options.onProgress?.(progress);

  if (!options.skipSeries) {
    const s = await rebuildSeriesFor(db, projectIds, touched);
    summary.series = s.series;
    summary.completeSeries = s.complete;
    if (summary.stored >= ANALYZE_AFTER_MESSAGES) await analyzeAfterBulkImport(db);
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
