import { type Db, prisma } from "../client";

/** A stored message the robot's mail would answer, and what says whether a program sent it. */
export interface ReplyTargetFacts {
  msgid: string;
  fromEmail: string;
  autoSubmitted: boolean;
  /** A robot_mail of ours carries this Message-ID: our own mail came back. */
  ours: boolean;
}

/** The series' head message and the message replied to, as far as they are stored. */
export async function replyTargetFacts(
  db: Db,
  target: { seriesId: bigint | null; inReplyTo: string | null },
): Promise<ReplyTargetFacts[]> {
  const msgids = new Set<string>();
  if (target.inReplyTo) msgids.add(target.inReplyTo);
  if (target.seriesId !== null) {
    const series = await prisma(db).series.findUnique({
      where: { id: target.seriesId },
      select: { headMsgid: true, coverMsgid: true },
    });
    if (series) msgids.add(series.headMsgid);
    if (series?.coverMsgid) msgids.add(series.coverMsgid);
  }
  if (msgids.size === 0) return [];
  const ids = [...msgids];
  const [messages, ours] = await Promise.all([
    prisma(db).message.findMany({
      where: { msgid: { in: ids } },
      select: { msgid: true, fromEmail: true, autoSubmitted: true },
    }),
    prisma(db).robotMail.findMany({ where: { messageId: { in: ids } }, select: { messageId: true } }),
  ]);
  const oursSet = new Set(ours.map((o) => o.messageId));
  const found = new Map(messages.map((m) => [m.msgid, m]));
  return ids.map((msgid) => ({
    msgid,
    fromEmail: found.get(msgid)?.fromEmail.toLowerCase() ?? "",
    autoSubmitted: found.get(msgid)?.autoSubmitted ?? false,
    ours: oursSet.has(msgid),
  }));
}
