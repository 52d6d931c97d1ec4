import { gitOwners, type GitOwner } from "../lib/apply/git-owner";
import { applyPaths } from "../lib/apply/paths";
import type { ProjectConfig } from "../lib/config";
import { withAdvisoryLock, type Db } from "../lib/db/client";
import type { JobQueue } from "../lib/db/jobs";
import { matchMerged } from "../lib/db/merged/match-merged";
import {
  databaseNow,
  mergeScanState,
  oldestUnmergedSeries,
  recordMergeScan,
  storeUpstreamCommits,
  type UpstreamCommitRow,
} from "../lib/db/merged/upstream-commits";
import { syncProjects } from "../lib/db/projects/sync-projects";
import { hasCommit, mirrorHead } from "../lib/git/mirror";
import { readUpstreamLog, type UpstreamLogRange } from "../lib/git/upstream-log";
import type { Log } from "../lib/log";
import { commitMessageIds, type MergeHow } from "../lib/series/merge-match";
import type { RunningWorker } from "./worker-types";

/**
 * The upstream watcher: follows the branch of each project's tree in the applier's mirror
 * (subprojects use their parent's), indexes the commits that are new since the last scan
 * (upstream_commit), and matches them, and the series written since, to posted patches
 * (lib/db/merged). It reads the mirror and never fetches: the applier does, every
 * `git.fetchMinutes`, and this worker looks as often.
 */
export interface WatchUpstreamOptions {
  /** A first scan reads the commits since the oldest unmerged series was posted, at most this many. */
  firstScanMaxCommits?: number;
  /** A first scan starts here instead (the oldest unmerged series otherwise). */
  firstScanSince?: Date | null;
}

export const DEFAULT_FIRST_SCAN_MAX_COMMITS = 20_000;
const INSERT_BATCH = 1_000;
const WATCH_LOCK = 72_616_008;
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
  return withAdvisoryLock(ctx.db, [WATCH_LOCK, ownerId], async () => {
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

export async function startWatchUpstream(
  deps: { db: Db; queue: JobQueue; projects: ProjectConfig[]; log: Log; dataDir: string },
  options: { pollingIntervalSeconds?: number } & WatchUpstreamOptions = {},
): Promise<RunningWorker> {
  const log = deps.log.child({ worker: "watch-upstream" });
  const owners = gitOwners(deps.projects);
  const projectIds = await syncProjects(deps.db, deps.projects);
  const ctx: WatchContext = { db: deps.db, dataDir: deps.dataDir, log, options };
  await deps.queue.workWatchUpstream(async ({ project, reason }) => {
    const owner = owners.get(project);
    if (!owner)
      return void log.warn({ project, reason }, "upstream watch request for a project without a git tree");
    const started = performance.now();
    const s = await watchUpstreamRound(ctx, owner, projectIds);
    if (s.indexed > 0 || s.seriesMerged > 0)
      log.info(
        {
          project,
          reason,
          head: s.head,
          indexed: s.indexed,
          ...s.matched,
          seriesMerged: s.seriesMerged,
          ms: Math.round(performance.now() - started),
        },
        "upstream watch round done",
      );
  }, options.pollingIntervalSeconds);

  const ask = (project: string, reason: string) =>
    deps.queue
      .requestWatchUpstream(project, reason)
      .catch((error: unknown) =>
        log.warn({ project, err: (error as Error).message }, "could not queue an upstream watch round"),
      );
  const timers = [...owners.values()].map((owner) =>
    setInterval(() => void ask(owner.name, "periodic look"), owner.git.fetchMinutes * 60_000),
  );
  for (const owner of owners.values()) await ask(owner.name, "worker start");
  return {
    name: "watch-upstream",
    async stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
