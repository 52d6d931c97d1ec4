import type { MailboxStore } from "../../imap/types";
import { type Db, prisma } from "../client";
import { storeRawMessages } from "../ingest/store-raw";

/** Commits a batch of fetched messages; `source` says where each came from. */
export type StoreFetched = (messages: { raw: Buffer; source: string }[]) => Promise<unknown>;

/**
 * The database side of an IMAP source: its row in imap_mailbox, and the raw messages it
 * fetches. The position (last UID) moves only after the messages up to it are committed,
 * so a crash between the two re-reads one batch, which storeRawMessages recognises by
 * its bytes: every message is stored exactly once. `store` puts the messages elsewhere
 * than raw_message (the format-check mailbox keeps its own).
 */
export function imapMailboxStore(
  db: Db,
  source: { key: string; project: string; mailbox: string },
  store: StoreFetched = (messages) =>
    storeRawMessages(
      db,
      messages.map((m) => ({ ...m, importedInto: source.project })),
    ),
): MailboxStore {
  const where = { sourceKey: source.key };
  return {
    async begin(uidValidity) {
      const row = await prisma(db).imapMailbox.upsert({
        where,
        create: { sourceKey: source.key, project: source.project, mailbox: source.mailbox, uidValidity },
        update: {},
      });
      if (row.uidValidity === uidValidity) return { lastUid: Number(row.lastUid), reset: false };
      await prisma(db).imapMailbox.update({
        where,
        data: { uidValidity, lastUid: 0n, updatedAt: new Date() },
      });
      return { lastUid: 0, reset: row.uidValidity !== null };
    },

    async storeBatch(uidValidity, messages, lastUid) {
      if (messages.length > 0)
        await store(
          messages.map((m) => ({
            raw: m.raw,
            source: `imap ${source.key} uidvalidity ${uidValidity} uid ${m.uid}`,
          })),
        );
      const now = new Date();
      await prisma(db).imapMailbox.updateMany({
        // A position of another UIDVALIDITY (the mailbox was recreated meanwhile) stays.
        where: { ...where, uidValidity, lastUid: { lt: lastUid } },
        data: {
          lastUid,
          messagesRead: { increment: messages.length },
          ...(messages.length > 0 ? { lastMessageAt: now } : {}),
          heartbeatAt: now,
          updatedAt: now,
        },
      });
    },

    async status(update) {
      const now = new Date();
      const data = {
        ...(update.connected !== undefined ? { connected: update.connected } : {}),
        ...(update.backlog !== undefined ? { backlog: update.backlog } : {}),
        ...(update.error !== undefined
          ? { lastError: update.error, ...(update.error ? { lastErrorAt: now } : {}) }
          : {}),
        heartbeatAt: now,
        updatedAt: now,
      };
      // The first connection may fail before begin() made the row.
      await prisma(db).imapMailbox.upsert({
        where,
        create: { sourceKey: source.key, project: source.project, mailbox: source.mailbox, ...data },
        update: data,
      });
    },
  };
}
