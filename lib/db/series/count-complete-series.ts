import { type Db, prisma } from "../client";

/** How many series of these projects have every patch, for an import's summary. */
export async function countCompleteSeries(db: Db, projectIds: number[]): Promise<number> {
  return prisma(db).series.count({ where: { projectId: { in: projectIds }, complete: true } });
}
