import type { ProjectConfig } from "../lib/config/projects-file";
import { resolveGitlabSecrets } from "../lib/config/secrets";
import type { Db } from "../lib/db/client";
import type { JobQueue } from "../lib/queue/job-queue";
import { syncProjects } from "../lib/db/projects/sync-projects";
import { createGitlabClient } from "../lib/gitlab-api/gitlab-client";
import type { Log } from "../lib/log";
import { pollGitlabProject } from "../lib/flows/test/poll-gitlab-project";
import type { RunningWorker } from "./worker-types";

/**
 * The GitLab poller: the fallback for lost webhooks. A timer per project with `gitlab`
 * settings asks for a `gitlab` job every `gitlab.pollMinutes`; the job asks GitLab for the
 * pipelines of the project's recent tags that have no finished pipeline yet.
 */
export async function startGitlab(
  deps: { db: Db; queue: JobQueue; projects: ProjectConfig[]; log: Log },
  options: { pollingIntervalSeconds?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningWorker> {
  const log = deps.log.child({ worker: "gitlab" });
  const configured = deps.projects.filter((p) => p.gitlab);
  const projectIds = await syncProjects(deps.db, deps.projects);
  const clients = new Map(
    configured.map((p) => {
      const gitlab = p.gitlab!;
      const { token } = resolveGitlabSecrets(gitlab, options.env);
      return [p.name, createGitlabClient({ apiUrl: gitlab.apiUrl, project: gitlab.project, token })];
    }),
  );
  await deps.queue.work(
    "gitlab",
    async ({ project, reason }) => {
      const client = clients.get(project);
      const id = projectIds.get(project);
      if (!client || id === undefined)
        return void log.warn({ project, reason }, "poll request for a project without GitLab settings");
      const started = performance.now();
      const summary = await pollGitlabProject(
        { db: deps.db, client, log, now: new Date() },
        { name: project, id },
      );
      const fields = { project, reason, ...summary, ms: Math.round(performance.now() - started) };
      if (summary.error) log.warn(fields, "GitLab poll stopped early");
      else if (summary.recorded > 0) log.info(fields, "GitLab pipelines recorded");
    },
    options.pollingIntervalSeconds,
  );

  const ask = (project: string, reason: string) =>
    deps.queue
      .request("gitlab", { project, reason })
      .catch((error: unknown) =>
        log.warn({ project, err: (error as Error).message }, "could not queue a GitLab poll"),
      );
  const timers = configured.map((p) =>
    setInterval(() => void ask(p.name, "periodic poll"), p.gitlab!.pollMinutes * 60_000),
  );
  // Webhooks lost while no poller ran are found at once.
  for (const p of configured) await ask(p.name, "worker start");
  return {
    name: "gitlab",
    async stop() {
      for (const timer of timers) clearInterval(timer);
    },
  };
}
