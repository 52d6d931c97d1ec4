import { gitOwners } from "../lib/apply/git-owner";
import type { ProjectConfig } from "../lib/config/projects-file";
import type { Db } from "../lib/db/client";
import type { JobQueue } from "../lib/queue/job-queue";
import { syncProjects } from "../lib/db/projects/sync-projects";
import { maintainersRound, type MaintainersContext } from "../lib/flows/maintainers/compute-responsible";
import { createMaintainersLoader } from "../lib/flows/maintainers/load-maintainers";
import type { Log } from "../lib/log";
import type { RunningWorker } from "./worker-types";

/** Seconds between rounds: how late a new series or a MAINTAINERS change shows up at most. */
export const MAINTAINERS_ROUND_SECONDS = 60;

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
  await deps.queue.work(
    "maintainers",
    async () => {
      const started = performance.now();
      const s = await maintainersRound(ctx);
      if (s.computed > 0 || s.cleared > 0)
        log.info({ ...s, ms: Math.round(performance.now() - started) }, "maintainers round done");
    },
    options.pollingIntervalSeconds,
  );
  const ask = (reason: string) =>
    deps.queue
      .request("maintainers", { reason })
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
