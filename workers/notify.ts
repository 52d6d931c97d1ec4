import type { ProjectConfig } from "../lib/config/projects-file";
import type { Db } from "../lib/db/client";
import type { JobQueue } from "../lib/queue/job-queue";
import { syncProjects } from "../lib/db/projects/sync-projects";
import type { Log } from "../lib/log";
import { messageIdDomainOf } from "../lib/notify/robot-message-id";
import { createMaintainersOf, type MaintainersOf } from "../lib/flows/maintainers/maintainers-of";
import { createOutbox, type Outbox } from "../lib/flows/notify/deliver-robot-mail";
import { scanAndNotify } from "../lib/flows/notify/mail-failures";
import { sendDigests } from "../lib/flows/notify/send-digests";
import type { RunningWorker } from "./worker-types";

/** Seconds between scans for failures that need a mail. */
export const NOTIFY_SCAN_SECONDS = 60;

/**
 * The robot's mail: `notify` jobs (one waiting at a time; a timer asks every minute, and
 * at start) each run one scan. Nothing runs for projects without `robot` settings.
 */
export async function startNotify(
  deps: {
    db: Db;
    queue: JobQueue;
    projects: ProjectConfig[];
    log: Log;
    dataDir: string;
    smtpUrl: string | undefined;
    publicUrl: string;
  },
  options: {
    pollingIntervalSeconds?: number;
    scanSeconds?: number;
    outbox?: Outbox;
    maintainersOf?: MaintainersOf;
  } = {},
): Promise<RunningWorker> {
  const log = deps.log.child({ worker: "notify" });
  const projectIds = await syncProjects(deps.db, deps.projects);
  const outbox =
    options.outbox ??
    createOutbox({
      db: deps.db,
      smtpUrl: deps.smtpUrl,
      log,
      messageIdDomain: messageIdDomainOf(deps.publicUrl),
    });
  const maintainersOf =
    options.maintainersOf ?? createMaintainersOf({ projects: deps.projects, dataDir: deps.dataDir, log });
  const ctx = {
    db: deps.db,
    projects: deps.projects,
    projectIds,
    outbox,
    publicUrl: deps.publicUrl,
    log,
    maintainersOf,
  };
  await deps.queue.work(
    "notify",
    async () => {
      const s = await scanAndNotify(ctx);
      if (Object.values(s).some((n) => n > 0)) log.info(s, "notify scan done");
      await sendDigests({ ...ctx, now: new Date() });
    },
    options.pollingIntervalSeconds,
  );
  const ask = (reason: string) =>
    deps.queue
      .request("notify", { reason })
      .catch((error: unknown) =>
        log.warn({ err: (error as Error).message }, "could not queue a notify scan"),
      );
  const robots = deps.projects.some((p) => p.robot);
  const timer = robots
    ? setInterval(() => void ask("periodic scan"), (options.scanSeconds ?? NOTIFY_SCAN_SECONDS) * 1000)
    : null;
  if (robots) await ask("worker start");
  return {
    name: "notify",
    async stop() {
      if (timer) clearInterval(timer);
      await outbox.close();
    },
  };
}
