import { loadConfig, type ProjectConfig } from "../lib/config";
import type { SizeLimits } from "../lib/apply/limits";
import type { Db } from "../lib/db/client";
import { JobQueue } from "../lib/db/jobs";
import type { Parser } from "../lib/ingest/parse-pool";
import type { MailboxReaderOptions } from "../lib/imap/mailbox-reader";
import type { Log } from "../lib/log";
import { startApply } from "./apply";
import { startFormatCheck } from "./format-check";
import { startGitlab } from "./gitlab";
import { startIngestImap } from "./ingest-imap";
import { startMaintainers } from "./maintainers";
import { startNotify } from "./notify";
import { startProcess } from "./process";
import { startWatchUpstream } from "./watch-upstream";
import type { RunningWorker } from "./worker-types";

/**
 * Every worker, in one process or each on its own (`patchwatch worker NAME…`), against
 * one database. Producers stop first, then the queue lets running jobs finish, then the
 * consumers close.
 */
export const WORKER_NAMES = [
  "ingest-imap",
  "process",
  "apply",
  "gitlab",
  "notify",
  "format-check",
  "maintainers",
  "watch-upstream",
] as const;
export type WorkerName = (typeof WORKER_NAMES)[number];

export interface Workers {
  queue: JobQueue;
  stop(): Promise<void>;
}

export interface WorkerDeps {
  db: Db;
  databaseUrl: string;
  projects: ProjectConfig[];
  log: Log;
  /** Where the applier keeps its repositories; the configured data directory when absent. */
  dataDir?: string;
}

export interface WorkerTuning {
  parser?: Parser;
  pollingIntervalSeconds?: number;
  imap?: Pick<MailboxReaderOptions, "backoffMs" | "client" | "batchSize">;
  applyLimits?: SizeLimits;
}

export async function startWorkers(
  names: readonly WorkerName[],
  deps: WorkerDeps,
  tuning: WorkerTuning = {},
): Promise<Workers> {
  const queue = await JobQueue.start(deps.databaseUrl, deps.log);
  const withQueue = { ...deps, queue };
  const consumers: RunningWorker[] = [];
  const producers: RunningWorker[] = [];
  // Read only when a worker needs it: tests hand the data directory in.
  const config = (() => {
    let loaded: ReturnType<typeof loadConfig> | undefined;
    return () => (loaded ??= loadConfig());
  })();
  const dataDir = () => deps.dataDir ?? config().dataDir;
  const polling = { pollingIntervalSeconds: tuning.pollingIntervalSeconds };
  if (names.includes("process")) consumers.push(await startProcess(withQueue, tuning));
  if (names.includes("apply"))
    consumers.push(
      await startApply({ ...withQueue, dataDir: dataDir() }, { ...polling, limits: tuning.applyLimits }),
    );
  if (names.includes("gitlab")) consumers.push(await startGitlab(withQueue, polling));
  if (names.includes("notify"))
    consumers.push(
      await startNotify(
        { ...withQueue, dataDir: dataDir(), smtpUrl: config().smtpUrl, publicUrl: config().publicUrl },
        polling,
      ),
    );
  if (names.includes("maintainers"))
    consumers.push(await startMaintainers({ ...withQueue, dataDir: dataDir() }, polling));
  if (names.includes("watch-upstream"))
    consumers.push(await startWatchUpstream({ ...withQueue, dataDir: dataDir() }, polling));
  if (names.includes("ingest-imap")) producers.push(startIngestImap(withQueue, tuning.imap));
  if (names.includes("format-check"))
    producers.push(
      await startFormatCheck(
        { ...deps, dataDir: dataDir(), smtpUrl: config().smtpUrl },
        { imap: tuning.imap },
      ),
    );
  deps.log.info({ workers: names }, "workers started");
  return {
    queue,
    async stop() {
      await Promise.all(producers.map((w) => w.stop()));
      await queue.stop({ graceful: true });
      await Promise.all(consumers.map((w) => w.stop()));
      deps.log.info({ workers: names }, "workers stopped");
    },
  };
}
