import { gitOwners } from "../lib/apply/git-owner";
import type { ProjectConfig } from "../lib/config";
import { withAdvisoryLock, type Db } from "../lib/db/client";
import { QUEUES, type JobQueue } from "../lib/db/jobs";
import {
  clearOpenResponsible,
  findSeriesToCompute,
  loadSeriesTouched,
  recordMaintainersState,
  writeResponsible,
} from "../lib/db/maintainers/responsible-store";
import { syncProjects } from "../lib/db/projects/sync-projects";
import type { Log } from "../lib/log";
import { responsibleFor } from "../lib/maintainers/responsible";
import { createMaintainersLoader, NO_MAINTAINERS_FILE, type LoadedMaintainers } from "./maintainers-loader";
import type { RunningWorker } from "./worker-types";

/** Seconds between rounds: how late a new series or a MAINTAINERS change shows up at most. */
export const MAINTAINERS_ROUND_SECONDS = 60;
/** Series computed per transaction; their diffs are held in memory together (≤ 4 MiB each). */
export const RESPONSIBLE_BATCH = 50;

const MAINTAINERS_LOCK = 72_616_007;

export interface MaintainersContext {
  db: Db;
  projects: readonly ProjectConfig[];
  projectIds: ReadonlyMap<string, number>;
  log: Log;
  load: (project: string) => Promise<LoadedMaintainers>;
}

export interface MaintainersRoundSummary {
  /** Series whose responsible rows were written. */
  computed: number;
  rows: number;
  /** Open series whose rows were dropped because the tree has no MAINTAINERS any more. */
  cleared: number;
}

/**
 * One round: for each project with a tree (its own or its parent's), read MAINTAINERS at
 * the branch head of the applier's mirror, record its blob (or why there is none) on the
 * tree's git_mirror row, and compute series_responsible for the series that are due
 * (never computed, rewritten since, or open and computed from another blob), in batches.
 */
export async function maintainersRound(ctx: MaintainersContext): Promise<MaintainersRoundSummary> {
  const summary: MaintainersRoundSummary = { computed: 0, rows: 0, cleared: 0 };
  for (const owner of gitOwners(ctx.projects).values()) {
    const ownerId = ctx.projectIds.get(owner.name);
    if (ownerId === undefined) continue;
    await withAdvisoryLock(ctx.db, [MAINTAINERS_LOCK, ownerId], async () => {
      for (const member of owner.members) {
        const memberId = ctx.projectIds.get(member);
        if (memberId === undefined) continue;
        let loaded: LoadedMaintainers;
        try {
          loaded = await ctx.load(member);
        } catch (error) {
          ctx.log.warn({ project: member, err: (error as Error).message }, "cannot read MAINTAINERS");
          if (member === owner.name)
            await recordMaintainersState(ctx.db, ownerId, { error: "cannot read MAINTAINERS" });
          continue;
        }
        if (member === owner.name) {
          const state = loaded.kind === "file" ? { blob: loaded.blob } : { error: loaded.reason };
          const { blobChanged } = await recordMaintainersState(ctx.db, ownerId, state);
          if (blobChanged && loaded.kind === "file")
            ctx.log.info(
              { project: member, blob: loaded.blob },
              "MAINTAINERS changed: open series are computed again",
            );
        }
        if (loaded.kind === "none") {
          if (loaded.reason === NO_MAINTAINERS_FILE)
            summary.cleared += await clearOpenResponsible(ctx.db, [memberId]);
          continue;
        }
        let after = 0n;
        for (;;) {
          const ids = await findSeriesToCompute(ctx.db, [memberId], loaded.blob, after, RESPONSIBLE_BATCH);
          if (ids.length === 0) break;
          after = ids[ids.length - 1]!;
          const touched = await loadSeriesTouched(ctx.db, ids);
          const results = touched.map((s) => ({
            id: s.id,
            updatedAt: s.updatedAt,
            entries: responsibleFor(loaded.file, s.files, s.patch),
          }));
          summary.rows += await writeResponsible(ctx.db, loaded.blob, results);
          summary.computed += results.length;
        }
      }
    });
  }
  return summary;
}

/**
 * The responsible people of series: `maintainers` jobs (one waiting at a time; a timer
 * asks every minute, and at start) each run one round. Its own queue rather than a step
 * of the applier's round: that round holds the tree's lock while it applies series, which
 * can take many minutes, and a failure of one must not hold up the other. Reading the
 * mirror while the applier fetches into it is safe (git updates refs atomically).
 */
export async function startMaintainers(
  deps: { db: Db; queue: JobQueue; projects: ProjectConfig[]; log: Log; dataDir: string },
  options: { pollingIntervalSeconds?: number; roundSeconds?: number } = {},
): Promise<RunningWorker> {
  const log = deps.log.child({ worker: "maintainers" });
  const projectIds = await syncProjects(deps.db, deps.projects);
  const ctx: MaintainersContext = {
    db: deps.db,
    projects: deps.projects,
    projectIds,
    log,
    load: createMaintainersLoader({ projects: deps.projects, dataDir: deps.dataDir }),
  };
  const boss = deps.queue.boss;
  const workerId = await boss.work(
    QUEUES.maintainers.name,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
    async () => {
      const started = performance.now();
      const s = await maintainersRound(ctx);
      if (s.computed > 0 || s.cleared > 0)
        log.info({ ...s, ms: Math.round(performance.now() - started) }, "maintainers round done");
    },
  );
  const ask = (reason: string) =>
    boss
      .send(QUEUES.maintainers.name, { reason })
      .then(() => boss.notifyWorker(workerId))
      .catch((error: unknown) =>
        log.warn({ err: (error as Error).message }, "could not queue a maintainers round"),
      );
  const trees = gitOwners(deps.projects).size > 0;
  const timer = trees
    ? setInterval(
        () => void ask("periodic round"),
        (options.roundSeconds ?? MAINTAINERS_ROUND_SECONDS) * 1000,
      )
    : null;
  if (trees) await ask("worker start");
  return {
    name: "maintainers",
    async stop() {
      if (timer) clearInterval(timer);
    },
  };
}
