import { type Db, prisma } from "../client";

/** Where a check is written: a series, or one patch of it. */
export interface CheckTarget {
  seriesId: bigint;
  /** The series' project, which a restricted token must be allowed for. */
  project: string;
  patchId: bigint | null;
  /** The patch's Message-ID, for patch-level targets. */
  patchMsgid: string | null;
}

/** A series by project and head Message-ID, as GET /api/v1/series/{project}/{msgid} addresses it. */
export async function findSeriesTarget(
  db: Db,
  project: string,
  headMsgid: string,
): Promise<CheckTarget | null> {
  const series = await prisma(db).series.findFirst({
    where: { project: { name: project }, headMsgid },
    select: { id: true },
  });
  return series ? { seriesId: series.id, project, patchId: null, patchMsgid: null } : null;
}

/**
 * The patches a patch mail is, through its Message-ID: usually one, but a mail that went
 * to two projects' lists is a patch of a series in each. Oldest series first.
 */
export async function findPatchTargets(db: Db, msgid: string): Promise<CheckTarget[]> {
  const patches = await prisma(db).patch.findMany({
    where: { message: { msgid } },
    orderBy: { id: "asc" },
    select: { id: true, seriesId: true, series: { select: { project: { select: { name: true } } } } },
  });
  return patches.map((p) => ({
    seriesId: p.seriesId,
    project: p.series.project.name,
    patchId: p.id,
    patchMsgid: msgid,
  }));
}
