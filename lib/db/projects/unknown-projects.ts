import { type Db, prisma } from "../client";

/** The names in `names` that no project has, in the order given (for a 404 that names them). */
export async function unknownProjects(db: Db, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const known = await prisma(db).project.findMany({ where: { name: { in: names } }, select: { name: true } });
  const knownNames = new Set(known.map((p) => p.name));
  return names.filter((name) => !knownNames.has(name));
}
