import { type Db, prisma } from "../client";

export interface ProjectSummary {
  name: string;
  displayName: string;
  parent: string | null;
}

/** A project by its name, or null when there is none (the page answers 404). */
export async function findProject(db: Db, name: string): Promise<ProjectSummary | null> {
  const row = await prisma(db).project.findUnique({
    where: { name },
    select: { name: true, settings: true, parent: { select: { name: true } } },
  });
  if (!row) return null;
  const settings = row.settings as { displayName?: unknown } | null;
  const displayName = typeof settings?.displayName === "string" ? settings.displayName : row.name;
  return { name: row.name, displayName, parent: row.parent?.name ?? null };
}
