// Reacts to: upstream moved (the applier fetched a new branch head) and "series updated"
// (series written since the last scan). Emits: "series merged" (merged_at set on a series
// whose patches are all on the branch).

import type { GitOwner } from "../../apply/git-owner";
import { applyPaths } from "../../apply/paths";
import { withAdvisoryLock, type Db } from "../../db/client";
import {
  databaseNow,
  mergeScanState,
  oldestUnmergedSeries,
  recordMergeScan,
  storeUpstreamCommits,
  type UpstreamCommitRow,
} from "../../db/merged/upstream-commits";
import { hasCommit, mirrorHead } from "../../git/mirror";
import { readUpstreamLog, type UpstreamLogRange } from "../../git/upstream-log";
import type { Log } from "../../log";
import { commitMessageIds, type MergeHow } from "../../series/merge-match";
import { matchMerged } from "./match-merged";
import { lockKey } from "../../db/locks";

/**
 * Merged detection: follows the branch of each project's tree in the applier's mirror
 * (subprojects use their parent's), indexes the commits that are new since the last scan
 * (upstream_commit), and matches them, and the series written since, to posted patches
 * (match-merged.ts). It reads the mirror and never fetches: the applier does, every
 * `git.fetchMinutes`, and the watch-upstream worker looks as often.
 */
export interface WatchUpstreamOptions {
  /** A first scan reads the commits since the oldest unmerged series was posted, at most this many. */
  firstScanMaxCommits?: number;
  /** A first scan starts here instead (the oldest unmerged series otherwise). */
  firstScanSince?: Date | null;
}

export const DEFAULT_FIRST_SCAN_MAX_COMMITS = 20_000;
const INSERT_BATCH = 1_000;
/** A commit is committed after its patch was posted; the first scan starts this much earlier for clocks. */
const FIRST_SCAN_SLACK_MS = 86_400_000;

export interface WatchContext {
  db: Db;
  dataDir: string;
  log: Log;
  options?: WatchUpstreamOptions;
}

export interface WatchRoundSummary {
  head: string | null;
  /** Commits read from git and indexed this round. */
  indexed: number;
  matched: Record<MergeHow, number>;
  seriesMerged: number;
}

export async function watchUpstreamRound(
  ctx: WatchContext,
  owner: GitOwner,
  projectIds: ReadonlyMap<string, number>,
): Promise<WatchRoundSummary> {
  const ownerId = projectIds.get(owner.name);
  if (ownerId === undefined) throw new Error(`project ${owner.name} has no row`);
  const memberIds = owner.members.flatMap((m) => projectIds.get(m) ?? []);
  return withAdvisoryLock(ctx.db, lockKey("watchUpstream", ownerId), async () => {
    const summary: WatchRoundSummary = {
      head: null,
      indexed: 0,
      matched: { "patch-id": 0, "message-id": 0, subject: 0 },
      seriesMerged: 0,
    };
    const mirror = applyPaths(ctx.dataDir, owner.name).mirror;
    const head = await mirrorHead(mirror, owner.git.branch).catch(() => null);
    // No mirror yet: the applier's first fetch makes it.
    if (!head) return summary;
    summary.head = head;
    const startedAt = await databaseNow(ctx.db);
    const state = await mergeScanState(ctx.db, ownerId);

    const add = (found: { patches: Record<MergeHow, number>; series: number }) => {
      for (const how of Object.keys(found.patches) as MergeHow[]) summary.matched[how] += found.patches[how];
      summary.seriesMerged += found.series;
    };
    if (state.head !== head) {
      const range = await scanRange(ctx, mirror, state.head, memberIds);
      const shas = await indexCommits(ctx.db, ownerId, mirror, head, range);
      summary.indexed = shas.length;
      if (shas.length > 0)
        add(await matchMerged(ctx.db, { ownerId, projectIds: memberIds, commitShas: shas }));
    }
    // Series written since the last scan (new mail, a rebuilt series) against every commit indexed.
    if (state.at)
      add(await matchMerged(ctx.db, { ownerId, projectIds: memberIds, seriesUpdatedSince: state.at }));
    await recordMergeScan(ctx.db, ownerId, {
      head,
      at: startedAt,
      url: owner.git.url,
      branch: owner.git.branch,
    });
    return summary;
  });
}

/** What to read: what is new since the last scan, or, the first time, a bounded window. */
async function scanRange(
  ctx: WatchContext,
  mirror: string,
  scannedHead: string | null,
  memberIds: number[],
): Promise<UpstreamLogRange> {
  // A scanned head that is gone (the branch was rewritten and pruned) scans like a first time;
  // commits already indexed are kept as they are.
  if (scannedHead && (await hasCommit(mirror, scannedHead))) return { exclude: scannedHead };
  const oldest = await oldestUnmergedSeries(ctx.db, memberIds);
  const since =
    ctx.options?.firstScanSince ?? (oldest ? new Date(oldest.getTime() - FIRST_SCAN_SLACK_MS) : null);
  return { since, maxCount: ctx.options?.firstScanMaxCommits ?? DEFAULT_FIRST_SCAN_MAX_COMMITS };
}

/** Reads the commits in range from git (one stream) and stores them in batches; returns their ids. */
export async function indexCommits(
  db: Db,
  ownerId: number,
  mirror: string,
  head: string,
  range: UpstreamLogRange,
): Promise<string[]> {
  const shas: string[] = [];
  let batch: UpstreamCommitRow[] = [];
  for await (const c of readUpstreamLog(mirror, head, range)) {
    batch.push({
      sha: c.sha,
      patchId: c.patchId,
      subject: c.subject,
      authorName: c.authorName,
      authorEmail: c.authorEmail,
      committedAt: c.committedAt,
      msgids: commitMessageIds(c.body),
    });
    shas.push(c.sha);
    if (batch.length >= INSERT_BATCH) {
      await storeUpstreamCommits(db, ownerId, batch);
      batch = [];
    }
  }
  await storeUpstreamCommits(db, ownerId, batch);
  return shas;
}
