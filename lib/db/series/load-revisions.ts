import { type Db, prisma } from "../client";

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

interface RevisionRow {
  id: bigint;
  head_msgid: string;
  version: number;
  title: string;
  date: Date | null;
  received: number;
  total: number;
  obsolete: boolean;
  links: { older: string; reason: string; detail: string }[];
}

/**
 * Every version of a series' topic (itself included), oldest first, each with its links
 * to older versions: one statement. A recurring subject can gather hundreds of series
 * into a topic, so the members travel as one array parameter, not a list of hundreds.
 */
export async function loadRevisions(
  db: Db,
  series: { id: bigint; projectId: number; headMsgid: string; revisions: string[] },
): Promise<SeriesRevision[]> {
  const heads = [series.headMsgid, ...series.revisions];
  const rows = await prisma(db).$queryRaw<RevisionRow[]>`
    SELECT s.id, s.head_msgid, s.version, s.title, s.date, s.received, s.total,
           s.obsoleted_by IS NOT NULL AS obsolete,
           coalesce((SELECT json_agg(json_build_object('older', o.head_msgid, 'reason', l.reason,
                                                       'detail', l.detail) ORDER BY l.id)
                       FROM revision_link l JOIN series o ON o.id = l.older_id
                      WHERE l.newer_id = s.id AND o.project_id = s.project_id
                        AND o.head_msgid = ANY(${heads}::text[])), '[]') AS links
      FROM series s
     WHERE s.project_id = ${series.projectId} AND s.head_msgid = ANY(${heads}::text[])
     ORDER BY s.version, s.date, s.head_msgid`;
  return rows.map((r) => ({
    headMsgid: r.head_msgid,
    version: r.version,
    title: r.title,
    date: r.date,
    received: r.received,
    total: r.total,
    obsolete: r.obsolete,
    current: BigInt(r.id) === series.id,
    links: r.links.map((l) => ({ olderMsgid: l.older, reason: l.reason, detail: l.detail })),
  }));
}
