import { gitOwners } from "../lib/apply/git-owner";
import type { ProjectConfig } from "../lib/config/projects-file";
import type { Db } from "../lib/db/client";
import type { JobQueue } from "../lib/queue/job-queue";
import { syncProjects } from "../lib/db/projects/sync-projects";
import {
  watchUpstreamRound,
  type WatchContext,
  type WatchUpstreamOptions,
} from "../lib/flows/merged/detect-merged";
import type { Log } from "../lib/log";
import type { RunningWorker } from "./worker-types";

/**
 * The upstream watcher: `watch-upstream` jobs (one waiting per tree; a timer asks every
 * `git.fetchMinutes`, and at start) each run one round of merged detection on a tree.
 */
export async function startWatchUpstream(
  deps: { db: Db; queue: JobQueue; projects: ProjectConfig[]; log: Log; dataDir: string },
  options: { pollingIntervalSeconds?: number } & WatchUpstreamOptions = {},
): Promise<RunningWorker> {
  const log = deps.log.child({ worker: "watch-upstream" });
  const owners = gitOwners(deps.projects);
  const projectIds = await syncProjects(deps.db, deps.projects);
  const ctx: WatchContext = { db: deps.db, dataDir: deps.dataDir, log, options };
  await deps.queue.work(
    "watch-upstream",
    async ({ project, reason }) => {
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
    },
    options.pollingIntervalSeconds,
  );

  const ask = (project: string, reason: string) =>
    deps.queue
      .request("watch-upstream", { project, reason })
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
