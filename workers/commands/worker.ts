import { projectsConfig, serverConfig } from "../../lib/config/server-config";
import type { OpenDatabase } from "../../lib/db/open-database";
import { createLog } from "../../lib/log";
import { startWorkers, WORKER_NAMES, type WorkerName } from "../index";

/** `patchwatch worker [NAME…]`: runs workers until SIGTERM or SIGINT, then stops them gracefully. */
export async function workerCommand(open: OpenDatabase, names: string[]): Promise<void> {
  const unknown = names.filter((n) => !(WORKER_NAMES as readonly string[]).includes(n));
  if (unknown.length)
    throw new Error(`unknown worker '${unknown.join("', '")}' (workers: ${WORKER_NAMES.join(", ")})`);
  const chosen = (names.length ? names : WORKER_NAMES) as readonly WorkerName[];
  const config = serverConfig();
  const log = createLog(config.logLevel);
  const workers = await startWorkers(chosen, {
    db: open.db,
    databaseUrl: open.url,
    projects: projectsConfig().projects,
    log,
    config,
  });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, "stopping");
      resolve();
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
  await workers.stop();
}
