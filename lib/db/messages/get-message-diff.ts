import { type Db, prisma } from "../client";

/** The diff of a message, "" when it has none, or null when there is no such message. */
export async function getMessageDiff(db: Db, msgid: string): Promise<string | null> {
  const row = await prisma(db).message.findUnique({ where: { msgid }, select: { diff: true } });
  return row ? (row.diff ?? "") : null;
}
