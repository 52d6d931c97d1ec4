import type { ProjectConfig } from "../config";
import type { Db } from "../db/client";
import { ANALYZE_AFTER_MESSAGES, analyzeAfterBulkImport } from "../db/ingest/analyze-after-bulk";
import { storeRawMessages, type IncomingRaw } from "../db/ingest/store-raw";
import { writeParsed, type ParsedRaw } from "../db/ingest/write-parsed";
import { syncProjects } from "../db/projects/sync-projects";
import { rebuildProjectSeries } from "../db/series/rebuild-series";
import { routeMessage } from "../projects/route";
import type { Parser } from "./parse-pool";

/**
 * The import pipeline: raw bytes stored first (committed), then parsed on the parser's
 * threads, then written; series are re-derived per touched project at the end. Batches
 * overlap: while one is parsed, the previous one is written.
 */
export interface ImportProgress {
  read: number;
  bytes: number;
}

export interface ImportSummary {
  read: number;
  newRaw: number;
  sameBytes: number;
  stored: number;
  duplicateMsgids: number;
  failed: number;
  patches: number;
  unrouted: number;
  series: number;
  completeSeries: number;
  elapsedMs: number;
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

export function emptySummary(): ImportSummary {
  return {
    read: 0,
    newRaw: 0,
    sameBytes: 0,
    stored: 0,
    duplicateMsgids: 0,
    failed: 0,
    patches: 0,
    unrouted: 0,
    series: 0,
    completeSeries: 0,
    elapsedMs: 0,
  };
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
      const work = rows.map((r, i) => ({ r, item: batch[i]! })).filter(({ r }) => r.pending);
      const results = await parser.parse(work.map((w) => w.item.raw));
      return work.map(({ r, item }, i) => toParsedRaw(r.rawId, results[i]!, projects, item.importedInto));
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

export function toParsedRaw(
  rawId: bigint,
  result: ParsedRaw["result"],
  projects: ProjectConfig[],
  importedInto: string | undefined | null,
): ParsedRaw {
  if (!result.ok) return { rawId, result, routes: [], unroutedReason: null };
  const { routes, refusals } = routeMessage(result.mail, projects, importedInto ?? undefined);
  const unroutedReason = routes.length
    ? null
    : refusals.length
      ? `not routed: ${refusals.join("; ")}`
      : "not routed: no configured project's list address or List-Id is in its headers";
  return { rawId, result, routes, unroutedReason };
}

export async function rebuildSeriesFor(
  db: Db,
  projectIds: Map<string, number>,
  projectNames: Iterable<string>,
): Promise<{ series: number; complete: number }> {
  const names = [...projectNames];
  let series = 0;
  for (const name of names) {
    const id = projectIds.get(name);
    if (id === undefined) continue;
    series += (await rebuildProjectSeries(db, id)).series;
  }
  const complete = await db.series.count({
    where: {
      projectId: { in: names.map((n) => projectIds.get(n)).filter((x) => x !== undefined) },
      complete: true,
    },
  });
  return { series, complete };
}
