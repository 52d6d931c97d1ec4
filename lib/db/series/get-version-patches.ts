import { type Db, prisma } from "../client";

export interface VersionPatches {
  headMsgid: string;
  title: string;
  version: number;
  date: Date | null;
  patches: { index: number; msgid: string; title: string; commitMessage: string; diff: string }[];
}

/**
 * The patches (commit message and diff) of some series of a project, for comparing
 * versions; series that do not exist are left out. One query for all of them.
 */
export async function getVersionPatches(db: Db, project: string, heads: string[]): Promise<VersionPatches[]> {
  const rows = await prisma(db).series.findMany({
    where: { project: { name: project }, headMsgid: { in: heads } },
    select: {
      headMsgid: true,
      title: true,
      version: true,
      date: true,
      patches: {
        orderBy: { index: "asc" },
        select: {
          index: true,
          message: { select: { msgid: true, title: true, commitMessage: true, diff: true } },
        },
      },
    },
  });
  return rows.map((s) => ({
    headMsgid: s.headMsgid,
    title: s.title,
    version: s.version,
    date: s.date,
    patches: s.patches.map((p) => ({
      index: p.index,
      msgid: p.message.msgid,
      title: p.message.title,
      commitMessage: p.message.commitMessage ?? "",
      diff: p.message.diff ?? "",
    })),
  }));
}
