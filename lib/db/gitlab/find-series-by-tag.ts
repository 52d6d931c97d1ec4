import { type Db, prisma } from "../client";

export interface TaggedSeries {
  seriesId: bigint;
  /** The series' own project (a subproject's series are tagged in its parent's repository). */
  project: string;
}

/**
 * The series a pipeline's ref stands for: the latest apply result that published this
 * tag in this project's repository (apply_result.publish_project), whatever its status
 * now (a pipeline may report after the series was tried again). Null for any other ref.
 */
export async function findSeriesByTag(
  db: Db,
  publishProject: string,
  tag: string,
): Promise<TaggedSeries | null> {
  const row = await prisma(db).applyResult.findFirst({
    where: { tag, publishProject },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { seriesId: true, series: { select: { project: { select: { name: true } } } } },
  });
  return row ? { seriesId: row.seriesId, project: row.series.project.name } : null;
}
