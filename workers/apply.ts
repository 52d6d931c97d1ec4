import type { ProjectConfig } from "../lib/config/projects-file";
import { gitOwners } from "../lib/apply/git-owner";
import type { SizeLimits } from "../lib/apply/limits";
import type { Db } from "../lib/db/client";
import type { JobQueue } from "../lib/queue/job-queue";
import { syncProjects } from "../lib/db/projects/sync-projects";
import type { Log } from "../lib/log";
import { applyProject } from "../lib/flows/apply/apply-project";
import type { RunningWorker } from "./worker-types";

/**
 * The applier: takes `apply` jobs (one per project with a git tree; the processor asks
 * after new mail, a timer asks every `git.fetchMinutes`) and runs a round of
 * applyProject for the project named.
 */
export async function startApply(
  deps: { db: Db; queue: JobQueue; projects: ProjectConfig[]; log: Log; dataDir: string },
  options: { pollingIntervalSeconds?: number; limits?: SizeLimits } = {},
): Promise<RunningWorker> {
  const log = deps.log.child({ worker: "apply" });
  const owners = gitOwners(deps.projects);
  const projectIds = await syncProjects(deps.db, deps.projects);
  const ctx = { db: deps.db, dataDir: deps.dataDir, log, limits: options.limits, projects: deps.projects };
  await deps.queue.work(
    "apply",
    async ({ project, reason }) => {
      const owner = owners.get(project);
      if (!owner) return void log.warn({ project, reason }, "apply request for a project without a git tree");
      const started = performance.now();
      const s = await applyProject(ctx, owner, projectIds);
      if (s.tried > 0 || s.fetched)
        log.info(
          {
            project,
            reason,
            head: s.head,
            fetched: s.fetched,
            tried: s.tried,
            ...s.written,
            ms: Math.round(performance.now() - started),
          },
          "apply round done",
        );
    },
    options.pollingIntervalSeconds,
  );

  const ask = (project: string, reason: string) =>
    deps.queue
      .request("apply", { project, reason })
      .catch((error: unknown) =>
        log.warn({ project, err: (error as Error).message }, "could not queue an apply round"),
      );
  const timers = [...owners.values()].map((owner) =>
    setInterval(() => void ask(owner.name, "periodic fetch"), owner.git.fetchMinutes * 60_000),
  );
  // What changed while no applier ran is work too.
  for (const owner of owners.values()) await ask(owner.name, "worker start");
  return {
    name: "apply",
    async stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
