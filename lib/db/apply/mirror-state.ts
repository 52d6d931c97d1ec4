import { type Db, prisma } from "../client";

/** What the applier writes about a project's mirror: each fetch, and each round over the series. */
export async function recordMirrorFetch(
  db: Db,
  projectId: number,
  fetch: { url: string; branch: string; at: Date } & ({ head: string } | { error: string }),
): Promise<{ headMoved: boolean }> {
  const previous = await prisma(db).gitMirror.findUnique({ where: { projectId }, select: { head: true } });
  const common = { url: fetch.url, branch: fetch.branch, updatedAt: fetch.at };
  if ("error" in fetch) {
    const data = { ...common, lastError: fetch.error.slice(0, 4000), lastErrorAt: fetch.at };
    await prisma(db).gitMirror.upsert({ where: { projectId }, create: { projectId, ...data }, update: data });
    return { headMoved: false };
  }
  const headMoved = previous?.head !== fetch.head;
  const data = {
    ...common,
    head: fetch.head,
    fetchedAt: fetch.at,
    lastError: null,
    ...(headMoved ? { headMovedAt: fetch.at } : {}),
  };
  await prisma(db).gitMirror.upsert({ where: { projectId }, create: { projectId, ...data }, update: data });
  return { headMoved };
}

export async function recordApplyRun(db: Db, projectId: number, at: Date): Promise<void> {
  await prisma(db).gitMirror.updateMany({ where: { projectId }, data: { lastRunAt: at } });
}

/** When the project's mirror was last fetched (null: never). */
export async function lastMirrorFetch(db: Db, projectId: number): Promise<Date | null> {
  const row = await prisma(db).gitMirror.findUnique({ where: { projectId }, select: { fetchedAt: true } });
  return row?.fetchedAt ?? null;
}
