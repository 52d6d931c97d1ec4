import type { Db } from "../client";

/** One version of a topic, with the links that tie it to the others and why. */
export interface SeriesRevision {
  headMsgid: string;
  version: number;
  title: string;
  date: Date | null;
  received: number;
  total: number;
  obsolete: boolean;
  /** The series the page is about. */
  current: boolean;
  /** Links in which this version is the newer one: which older version, and the recorded reason. */
  links: { olderMsgid: string; reason: string; detail: string }[];
}

/** Every version of a series' topic (itself included), oldest first: two queries. */
export async function loadRevisions(
  db: Db,
  series: { id: bigint; projectId: number; headMsgid: string; revisions: string[] },
): Promise<SeriesRevision[]> {
  const rows = await db.series.findMany({
    where: { projectId: series.projectId, headMsgid: { in: [series.headMsgid, ...series.revisions] } },
    select: {
      id: true,
      headMsgid: true,
      version: true,
      title: true,
      date: true,
      received: true,
      total: true,
      obsoletedBy: true,
    },
    orderBy: [{ version: "asc" }, { date: "asc" }, { headMsgid: "asc" }],
  });
  const ids = rows.map((r) => r.id);
  const links =
    rows.length > 1
      ? await db.revisionLink.findMany({
          where: { olderId: { in: ids }, newerId: { in: ids } },
          select: { olderId: true, newerId: true, reason: true, detail: true },
          orderBy: { id: "asc" },
        })
      : [];
  const head = new Map(rows.map((r) => [r.id, r.headMsgid]));
  return rows.map((r) => ({
    headMsgid: r.headMsgid,
    version: r.version,
    title: r.title,
    date: r.date,
    received: r.received,
    total: r.total,
    obsolete: r.obsoletedBy !== null,
    current: r.id === series.id,
    links: links
      .filter((l) => l.newerId === r.id)
      .map((l) => ({ olderMsgid: head.get(l.olderId)!, reason: l.reason, detail: l.detail })),
  }));
}
