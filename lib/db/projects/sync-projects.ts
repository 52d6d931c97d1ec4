import type { ProjectConfig } from "../../config/projects-file";
import { type Db, prisma } from "../client";

/** Makes sure every configured project has a row (parents first); returns name -> id. */
export async function syncProjects(db: Db, projects: ProjectConfig[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const remaining = [...projects];
  while (remaining.length) {
    const ready = remaining.findIndex((p) => !p.parent || ids.has(p.parent));
    if (ready < 0) throw new Error("projects file has a parent cycle");
    const p = remaining.splice(ready, 1)[0]!;
    const parentId = p.parent ? ids.get(p.parent)! : null;
    const settings = {
      displayName: p.displayName ?? p.name,
      lists: p.lists,
      lostAfterDays: p.lostAfterDays,
      reviewedUnmergedDays: p.reviewedUnmergedDays,
    };
    const row = await prisma(db).project.upsert({
      where: { name: p.name },
      create: { name: p.name, parentId, settings },
      update: { parentId, settings },
      select: { id: true },
    });
    ids.set(p.name, row.id);
  }
  return ids;
}
