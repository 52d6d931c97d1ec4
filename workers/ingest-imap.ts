import { resolveImapSources, type ProjectConfig } from "../lib/config";
import type { Db } from "../lib/db/client";
import { imapMailboxStore } from "../lib/db/imap/mailbox-store";
import type { JobQueue } from "../lib/db/jobs";
import { MailboxReader, type MailboxReaderOptions } from "../lib/imap/mailbox-reader";
import type { Log } from "../lib/log";
import type { RunningWorker } from "./worker-types";

/** The IMAP ingester: one reader per configured mailbox; each stored batch asks for processing. */
export function startIngestImap(
  deps: { db: Db; queue: JobQueue; projects: ProjectConfig[]; log: Log },
  tuning: Pick<MailboxReaderOptions, "backoffMs" | "client" | "batchSize"> = {},
): RunningWorker {
  const sources = resolveImapSources(deps.projects);
  const log = deps.log.child({ worker: "ingest-imap" });
  const controller = new AbortController();
  const runs = sources.map((source) =>
    new MailboxReader({
      ...tuning,
      source,
      store: imapMailboxStore(deps.db, source),
      onStored: () => deps.queue.requestProcessing(`imap ${source.key}`),
      log,
    }).run(controller.signal),
  );
  log.info(
    { sources: sources.map((s) => s.key) },
    sources.length ? "reading IMAP sources" : "no IMAP source configured",
  );
  return {
    name: "ingest-imap",
    async stop() {
      controller.abort();
      await Promise.all(runs);
    },
  };
}
