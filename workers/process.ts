import { gitOwnerOf } from "../lib/apply/git-owner";
import type { ProjectConfig } from "../lib/config";
import type { Db } from "../lib/db/client";
import type { JobQueue } from "../lib/db/jobs";
import { syncProjects } from "../lib/db/projects/sync-projects";
import { createParser, type Parser } from "../lib/ingest/parse-pool";
import { processPending } from "../lib/ingest/process-pending";
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
  await deps.queue.workProcessing(async () => {
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
    // New series, late patches and new Based-on: statements are the applier's work.
    const trees = new Set([...s.touchedProjects].flatMap((p) => gitOwnerOf(deps.projects, p) ?? []));
    for (const tree of trees) await deps.queue.requestApply(tree, "new mail");
  }, options.pollingIntervalSeconds);
  // Whatever was left pending by an earlier run is work too.
  await deps.queue.requestProcessing("worker start");
  return {
    name: "process",
    async stop() {
      await parser.close();
    },
  };
}
