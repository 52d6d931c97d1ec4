import type { ProjectConfig } from "../lib/config/projects-file";
import { resolveImapSources } from "../lib/config/secrets";
import type { Db } from "../lib/db/client";
import type { JobQueue } from "../lib/queue/job-queue";
import { readMailboxes, type MailboxTuning } from "../lib/flows/ingest/read-mailboxes";
import type { Log } from "../lib/log";
import type { RunningWorker } from "./worker-types";

/** The IMAP ingester: one reader per configured mailbox; each stored batch asks for processing. */
export function startIngestImap(
  deps: { db: Db; queue: JobQueue; projects: ProjectConfig[]; log: Log },
  tuning: MailboxTuning = {},
): RunningWorker {
  const sources = resolveImapSources(deps.projects);
  const log = deps.log.child({ worker: "ingest-imap" });
  const controller = new AbortController();
  const reading = readMailboxes(
    { db: deps.db, log },
    sources,
    (source) => deps.queue.request("process", { reason: `imap ${source.key}` }),
    { ...tuning, signal: controller.signal },
  );
  log.info(
    { sources: sources.map((s) => s.key) },
    sources.length ? "reading IMAP sources" : "no IMAP source configured",
  );
  return {
    name: "ingest-imap",
    async stop() {
      controller.abort();
      await reading;
    },
  };
}
