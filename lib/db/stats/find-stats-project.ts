import { type Db, prisma } from "../client";
import { sqlTimestamp } from "./window-sql";

export interface StatsProject {
  id: number;
  /** The project's own `lostAfterDays` setting, or null when it has none (or not a positive number). */
  lostAfterDays: number | null;
  /** The date of the latest series posted up to `now`, or null for none. */
  latestPosting: Date | null;
}

/** What a project's stats are measured from, or null for an unknown project. */
export async function findStatsProject(db: Db, name: string, now: Date): Promise<StatsProject | null> {
  const project = await prisma(db).project.findUnique({
    where: { name },
    select: { id: true, settings: true },
  });
  if (!project) return null;
  const settings = project.settings as { lostAfterDays?: unknown } | null;
  const lostAfterDays =
    typeof settings?.lostAfterDays === "number" && settings.lostAfterDays > 0 ? settings.lostAfterDays : null;
  const [latest] = await prisma(db).$queryRaw<{ at: Date | null }[]>`
    SELECT max(s.date) AS at FROM series s
    WHERE s.project_id = ${project.id} AND s.date <= ${sqlTimestamp(now)}`;
  return { id: project.id, lostAfterDays, latestPosting: latest?.at ?? null };
}
