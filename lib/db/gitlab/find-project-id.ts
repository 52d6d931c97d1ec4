import { type Db, prisma } from "../client";

/** The row id of the project a GitLab mirror belongs to; null when the project has no row. */
export async function findProjectId(db: Db, name: string): Promise<number | null> {
  const row = await prisma(db).project.findUnique({ where: { name }, select: { id: true } });
  return row?.id ?? null;
}
