import type { ProjectConfig } from "../lib/config/projects-file";
import type { Db } from "../lib/db/client";
import type { JobQueue } from "../lib/queue/job-queue";
import { syncProjects } from "../lib/db/projects/sync-projects";
import { createParser, type Parser } from "../lib/flows/ingest/parse-pool";
import { processPending } from "../lib/flows/ingest/process-pending";
import type { Log } from "../lib/log";
import type { RunningWorker } from "./worker-types";

/** The processor: takes `process` jobs and turns pending raw messages into messages and series. */
export async function startProcess(
  deps: { db: Db; queue: JobQueue; projects: ProjectConfig[]; log: Log },
  options: { parser?: Parser; pollingIntervalSeconds?: number } = {},
): Promise<RunningWorker> {
  const log = deps.log.child({ worker: "process" });
  const parser = options.parser ?? createParser();
  const projectIds = await syncProjects(deps.db, deps.projects);
  await deps.queue.work(
    "process",
    async () => {
      const started = performance.now();
      const s = await processPending(deps.db, deps.projects, projectIds, parser);
      if (s.read > 0)
        log.info(
          {
            read: s.read,
            stored: s.stored,
            failed: s.failed,
            duplicates: s.duplicateMsgids,
            ms: Math.round(performance.now() - started),
          },
          "processed pending messages",
        );
      for (const tree of s.trees) await deps.queue.request("apply", { project: tree, reason: "new mail" });
    },
    options.pollingIntervalSeconds,
  );
  // Whatever was left pending by an earlier run is work too.
  await deps.queue.request("process", { reason: "worker start" });
  return {
    name: "process",
    async stop() {
      await parser.close();
    },
  };
}
