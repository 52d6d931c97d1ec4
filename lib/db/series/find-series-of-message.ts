import { type Db, prisma } from "../client";

/**
 * The series of a project that a message belongs to (as cover, patch or reply), for
 * sending a link to a member to its series page; null when it belongs to none there.
 */
export async function findSeriesOfMessage(
  db: Db,
  project: string,
  msgid: string,
): Promise<{ headMsgid: string } | null> {
  const row = await prisma(db).projectMessage.findFirst({
    where: { project: { name: project }, message: { msgid }, seriesId: { not: null } },
    select: { series: { select: { headMsgid: true } } },
  });
  return row?.series ?? null;
}
