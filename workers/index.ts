import type { Config } from "../lib/config/environment";
import type { ProjectConfig } from "../lib/config/projects-file";
import type { SizeLimits } from "../lib/apply/limits";
import type { Db } from "../lib/db/client";
import { JobQueue } from "../lib/queue/job-queue";
import type { Parser } from "../lib/flows/ingest/parse-pool";
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

/** The environment's settings the workers use, read once by whoever starts them (tests choose their own). */
export type WorkerSettings = Pick<Config, "dataDir" | "smtpUrl" | "publicUrl">;

export interface WorkerDeps {
  db: Db;
  databaseUrl: string;
  projects: ProjectConfig[];
  log: Log;
  /** The data directory (the applier's repositories), the SMTP server and the public URL. */
  config: WorkerSettings;
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
  const { dataDir, smtpUrl, publicUrl } = deps.config;
  const polling = { pollingIntervalSeconds: tuning.pollingIntervalSeconds };
  if (names.includes("process")) consumers.push(await startProcess(withQueue, tuning));
  if (names.includes("apply"))
    consumers.push(await startApply({ ...withQueue, dataDir }, { ...polling, limits: tuning.applyLimits }));
  if (names.includes("gitlab")) consumers.push(await startGitlab(withQueue, polling));
  if (names.includes("notify"))
    consumers.push(await startNotify({ ...withQueue, dataDir, smtpUrl, publicUrl }, polling));
  if (names.includes("maintainers"))
    consumers.push(await startMaintainers({ ...withQueue, dataDir }, polling));
  if (names.includes("watch-upstream"))
    consumers.push(await startWatchUpstream({ ...withQueue, dataDir }, polling));
  if (names.includes("ingest-imap")) producers.push(startIngestImap(withQueue, tuning.imap));
  if (names.includes("format-check"))
    producers.push(await startFormatCheck({ ...deps, dataDir, smtpUrl }, { imap: tuning.imap }));
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
