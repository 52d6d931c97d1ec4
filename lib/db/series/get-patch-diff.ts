import { type Db, prisma } from "../client";

/** The diff of patch `index` of a series, or null when there is no such patch. */
export async function getPatchDiff(
  db: Db,
  project: string,
  headMsgid: string,
  index: number,
): Promise<string | null> {
  const row = await prisma(db).patch.findFirst({
    where: { index, series: { headMsgid, project: { name: project } } },
    select: { message: { select: { diff: true } } },
  });
  return row ? (row.message.diff ?? "") : null;
}
