import type { RobotMailStatus } from "./robot-mail-status";
import { type Db, prisma } from "../client";

/**
 * robot_mail rows: every composed mail is stored before anything is decided, so what was
 * sent, held back or only composed (dry run) can always be shown and explained.
 * Status: queued (stored, not decided yet), sending, sent, dry-run, suppressed, error.
 */
export interface NewRobotMail {
  projectId: number | null;
  seriesId: bigint | null;
  kind: string;
  dedupeKey: string;
  messageId: string;
  inReplyTo: string | null;
  toAddrs: string[];
  ccAddrs: string[];
  subject: string;
  raw: string;
  createdAt: Date;
}

export type InsertedRobotMail = { inserted: true; id: bigint } | { inserted: false; messageId: string };

/** Inserts the mail as `queued`; a mail with the same dedupe key already there wins. */
export async function insertRobotMail(db: Db, mail: NewRobotMail): Promise<InsertedRobotMail> {
  const rows = await prisma(db).$queryRaw<{ id: bigint }[]>`
    INSERT INTO robot_mail (project_id, series_id, kind, dedupe_key, message_id, in_reply_to,
                            to_addrs, cc_addrs, subject, raw, status, created_at)
    VALUES (${mail.projectId}, ${mail.seriesId}, ${mail.kind}, ${mail.dedupeKey}, ${mail.messageId},
            ${mail.inReplyTo}, ${mail.toAddrs}::text[], ${mail.ccAddrs}::text[], ${mail.subject},
            ${mail.raw}, 'queued', ${mail.createdAt})
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  if (rows[0]) return { inserted: true, id: rows[0].id };
  const existing = await prisma(db).robotMail.findUnique({
    where: { dedupeKey: mail.dedupeKey },
    select: { messageId: true },
  });
  return { inserted: false, messageId: existing?.messageId ?? "" };
}

export async function setRobotMailStatus(
  db: Db,
  id: bigint,
  status: Exclude<RobotMailStatus, "queued" | "sending">,
  reason: string | null,
  sentAt: Date | null = null,
): Promise<void> {
  await prisma(db).robotMail.update({ where: { id }, data: { status, reason, sentAt } });
}

/** Which of these dedupe keys have a mail already (whatever its status). */
export async function existingDedupeKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await prisma(db).robotMail.findMany({
    where: { dedupeKey: { in: keys } },
    select: { dedupeKey: true },
  });
  return new Set(rows.map((r) => r.dedupeKey));
}
