import crypto from "node:crypto";
import zlib from "node:zlib";

import type { MailboxStore } from "../../imap/types";
import type { Db } from "../client";
import { peekMessageId } from "../ingest/store-raw";

/**
 * The database side of a format-check mailbox, for lib/imap's MailboxReader: the reading
 * position in imap_mailbox (as for a list's mailbox, under a key of its own), and the raw
 * mails in format_check_mail, never in raw_message, so nothing of this mailbox is routed
 * into the project's series. The bytes are committed before the position moves past
 * them; a batch read again after a crash is recognised by its sha256 and stored once.
 */
export function formatCheckMailboxStore(
  db: Db,
  source: { key: string; project: string; mailbox: string },
): MailboxStore {
  const where = { sourceKey: source.key };
  return {
    async begin(uidValidity) {
      const row = await db.imapMailbox.upsert({
        where,
        create: { sourceKey: source.key, project: source.project, mailbox: source.mailbox, uidValidity },
        update: {},
      });
      if (row.uidValidity === uidValidity) return { lastUid: Number(row.lastUid), reset: false };
      await db.imapMailbox.update({ where, data: { uidValidity, lastUid: 0n, updatedAt: new Date() } });
      return { lastUid: 0, reset: row.uidValidity !== null };
    },

    async storeBatch(uidValidity, messages, lastUid) {
      await storeFormatCheckMails(
        db,
        source.project,
        messages.map((m) => ({
          raw: m.raw,
          source: `imap ${source.key} uidvalidity ${uidValidity} uid ${m.uid}`,
        })),
      );
      const now = new Date();
      await db.imapMailbox.updateMany({
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
      await db.imapMailbox.upsert({
        where,
        create: { sourceKey: source.key, project: source.project, mailbox: source.mailbox, ...data },
        update: data,
      });
    },
  };
}

/** Commits raw mails of a project's format-check mailbox; the same bytes twice are stored once. */
export async function storeFormatCheckMails(
  db: Db,
  project: string,
  items: { raw: Buffer; source: string; receivedAt?: Date }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const { count } = await db.formatCheckMail.createMany({
    data: items.map((item) => ({
      project,
      sha256: crypto.createHash("sha256").update(item.raw).digest(),
      msgid: peekMessageId(item.raw),
      size: item.raw.length,
      data: zlib.gzipSync(item.raw, { level: 1 }),
      source: item.source,
      ...(item.receivedAt ? { receivedAt: item.receivedAt } : {}),
    })),
    skipDuplicates: true,
  });
  return count;
}
