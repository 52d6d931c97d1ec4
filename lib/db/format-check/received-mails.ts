import zlib from "node:zlib";

import type { FormatCheckOutcome } from "../../format-check/mail-state";
import { type Db, type Prisma, prisma } from "../client";

/** Mails of a project's format-check mailbox not answered yet, oldest first (at most `limit`). */
export async function receivedFormatCheckMails(
  db: Db,
  project: string,
  limit = 2000,
): Promise<{ id: bigint; raw: Buffer; receivedAt: Date }[]> {
  const rows = await prisma(db).formatCheckMail.findMany({
    where: { project, state: "received" },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, data: true, receivedAt: true },
  });
  return rows.map((r) => ({ id: r.id, raw: zlib.gunzipSync(r.data), receivedAt: r.receivedAt }));
}

/** What became of a group of mails: one state, and the report or the reason, on each. */
export async function recordFormatCheck(
  db: Db,
  ids: bigint[],
  outcome: {
    state: FormatCheckOutcome;
    sender: string | null;
    seriesKey: string | null;
    error?: string | null;
    report?: Prisma.InputJsonValue;
    replyMessageId?: string | null;
    checkedAt: Date;
  },
): Promise<void> {
  if (ids.length === 0) return;
  await prisma(db).formatCheckMail.updateMany({
    where: { id: { in: ids } },
    data: {
      state: outcome.state,
      sender: outcome.sender,
      seriesKey: outcome.seriesKey,
      error: outcome.error ?? null,
      ...(outcome.report !== undefined ? { report: outcome.report } : {}),
      replyMessageId: outcome.replyMessageId ?? null,
      checkedAt: outcome.checkedAt,
    },
  });
}

/**
 * Series of `sender` answered since `since` (one reply each). Checked before a series is
 * even tried, so that a flood from one address costs no `git am` per mail; the outbox
 * counts again when it sends.
 */
export async function repliesToSenderSince(db: Db, sender: string, since: Date): Promise<number> {
  const rows = await prisma(db).formatCheckMail.findMany({
    where: { sender, state: "answered", checkedAt: { gte: since } },
    distinct: ["seriesKey"],
    select: { seriesKey: true },
  });
  return rows.length;
}
