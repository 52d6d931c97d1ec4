/**
 * Emits "message stored" for the messages IMAP sources deliver: each fetched batch is
 * committed to raw_message before `onStored` hears of it.
 */
import type { ImapSource } from "../../config/secrets";
import type { Db } from "../../db/client";
import { imapMailboxStore } from "../../db/imap/mailbox-store";
import { MailboxReader, type MailboxReaderOptions } from "../../imap/mailbox-reader";
import type { Log } from "../../log";

export type MailboxTuning = Pick<MailboxReaderOptions, "backoffMs" | "client" | "batchSize">;

/** Reads every source, one reader per mailbox, until `signal` aborts; settles when they have all stopped. */
export async function readMailboxes(
  deps: { db: Db; log: Log },
  sources: readonly ImapSource[],
  onStored: (source: ImapSource) => void | Promise<void>,
  options: MailboxTuning & { signal: AbortSignal },
): Promise<void> {
  const { signal, ...tuning } = options;
  await Promise.all(
    sources.map((source) =>
      new MailboxReader({
        ...tuning,
        source,
        store: imapMailboxStore(deps.db, source),
        onStored: () => onStored(source),
        log: deps.log,
      }).run(signal),
    ),
  );
}
