import crypto from "node:crypto";
import zlib from "node:zlib";

import type { MailboxStore } from "../../imap/types";
import { type Db, prisma } from "../client";
import { imapMailboxStore } from "../imap/mailbox-store";
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
  return imapMailboxStore(db, source, (messages) => storeFormatCheckMails(db, source.project, messages));
}

/** Commits raw mails of a project's format-check mailbox; the same bytes twice are stored once. */
export async function storeFormatCheckMails(
  db: Db,
  project: string,
  items: { raw: Buffer; source: string; receivedAt?: Date }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const { count } = await prisma(db).formatCheckMail.createMany({
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
