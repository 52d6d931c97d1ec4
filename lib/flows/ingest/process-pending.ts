/**
 * The `process` job: reacts to "message stored" (an IMAP reader committed a batch);
 * emits "message parsed", then "series updated" and "series complete" for the projects
 * that received messages.
 */
import { gitOwnerOf } from "../../apply/git-owner";
import type { ProjectConfig } from "../../config/projects-file";
import { withAdvisoryLock, type Db } from "../../db/client";
import { markRawFailed } from "../../db/ingest/mark-raw-failed";
import { nextPendingRaws } from "../../db/ingest/pending-raws";
import { writeParsed, type ParsedRaw, type WriteSummary } from "../../db/ingest/write-parsed";
import type { ParseResult } from "../../mail/types";
import type { Parser } from "./parse-pool";
import { parseStoredMessages } from "./parse-stored-messages";
import { rebuildSeriesFor } from "./rebuild-project-series";
import { updateProjectSeries } from "./update-project-series";
import { lockKey } from "../../db/locks";

/**
 * The processing stage: raw messages still pending are parsed, routed and written, a
 * batch at a time, oldest first. One bad message never holds up the others: a parser
 * that crashes on it, or a write that fails for it alone, leaves it `failed` with the
 * error, and the stream goes on. A failure that is not the message's (the database is
 * down) is thrown, so the job is retried.
 */
export interface ProcessSummary extends Omit<WriteSummary, "touchedProjects"> {
  read: number;
  touchedProjects: Set<string>;
}

export async function processPendingRaws(
  db: Db,
  projects: ProjectConfig[],
  projectIds: Map<string, number>,
  parser: Parser,
  options: { batchSize?: number; onBatch?: (summary: ProcessSummary) => void } = {},
): Promise<ProcessSummary> {
  const summary: ProcessSummary = { read: 0, ...emptyWrite() };
  const parseIsolated = crashIsolating(parser);
  let after = 0n;
  for (;;) {
    const page = await nextPendingRaws(db, after, options.batchSize ?? 256);
    if (page.length === 0) break;
    after = page[page.length - 1]!.rawId;
    const parsed = await parseStoredMessages(parseIsolated, projects, page);
    const w = await writeEach(db, parsed, projectIds);
    summary.read += page.length;
    addWrite(summary, w);
    options.onBatch?.(summary);
  }
  return summary;
}

/** The parser, parsing a batch at once; if the parser itself fails, one by one to find the culprit. */
function crashIsolating(parser: Parser): Parser {
  return { parse: (raws) => parseEach(parser, raws), close: () => parser.close() };
}

async function parseEach(parser: Parser, raws: Buffer[]): Promise<ParseResult[]> {
  try {
    return await parser.parse(raws);
  } catch {
    const results: ParseResult[] = [];
    for (const raw of raws) {
      try {
        results.push(...(await parser.parse([raw])));
      } catch (error) {
        results.push({
          ok: false,
          error: "unparseable",
          detail: `the parser crashed on this message: ${(error as Error).message}`,
        });
      }
    }
    return results;
  }
}

/** Writes a batch; if that fails, writes one by one and marks the one that fails alone. */
async function writeEach(db: Db, items: ParsedRaw[], projectIds: Map<string, number>): Promise<WriteSummary> {
  try {
    return await writeParsed(db, items, projectIds);
  } catch (batchError) {
    if (items.length === 1) {
      const item = items[0]!;
      // Marking it fails too when the database itself is the problem: then the job retries.
      await markRawFailed(db, item.rawId, "write-failed", (batchError as Error).message);
      return { ...emptyWrite(), failed: 1 };
    }
    const total = emptyWrite();
    for (const item of items) addWrite(total, await writeEach(db, [item], projectIds));
    return total;
  }
}

function addWrite(total: WriteSummary, w: WriteSummary): void {
  total.stored += w.stored;
  total.failed += w.failed;
  total.duplicateMsgids += w.duplicateMsgids;
  total.patches += w.patches;
  total.unrouted += w.unrouted;
  for (const t of w.touchedProjects) total.touchedProjects.add(t);
}

function emptyWrite(): WriteSummary {
  return { stored: 0, failed: 0, duplicateMsgids: 0, patches: 0, unrouted: 0, touchedProjects: new Set() };
}

/**
 * Past this many messages in one go (a first catch-up, a long outage), re-deriving the
 * whole project is cheaper than finding what they affect.
 */
const INCREMENTAL_LIMIT = 2000;

/**
 * What the `process` job runs: every pending raw message, then the series of the
 * projects that received messages, re-derived around the new messages only
 * (updateProjectSeries picks up every message of a project not yet assembled).
 * Processors on other machines wait for the lock. `trees` names the git trees whose
 * series changed: new series, late patches and new Based-on: statements are the
 * applier's work.
 */
export async function processPending(
  db: Db,
  projects: ProjectConfig[],
  projectIds: Map<string, number>,
  parser: Parser,
): Promise<ProcessSummary & { series: number; trees: string[] }> {
  const processed = await withAdvisoryLock(db, lockKey("processing"), async () => {
    const processed = await processPendingRaws(db, projects, projectIds, parser);
    if (processed.read > INCREMENTAL_LIMIT) {
      const { series } = await rebuildSeriesFor(db, projectIds, processed.touchedProjects);
      return { ...processed, series };
    }
    let series = 0;
    for (const name of processed.touchedProjects) {
      const id = projectIds.get(name);
      if (id !== undefined) series += (await updateProjectSeries(db, id, [])).series;
    }
    return { ...processed, series };
  });
  const trees = new Set([...processed.touchedProjects].flatMap((p) => gitOwnerOf(projects, p) ?? []));
  return { ...processed, trees: [...trees] };
}
