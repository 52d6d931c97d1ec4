import type { ResponsibleEntry } from "../../maintainers/who-to-ping";
import { type Db, prisma } from "../client";

/** Who is responsible for, and who took part in, each of a few series (the rows a page shows). */
export interface SeriesPeopleFacts {
  responsible: ResponsibleEntry[];
  /** Non-author Reviewed-by/Acked-by on this revision. */
  reviewers: { email: string; name: string }[];
  /** Non-author Reviewed-by/Acked-by on the topic's other revisions, most recent first. */
  earlierReviewers: { email: string; name: string }[];
}

interface ResponsibleSql extends ResponsibleEntry {
  series_id: bigint;
}
interface ReviewerSql {
  series_id: bigint;
  email: string;
  name: string | null;
}

/**
 * Three statements for all the series at once, never one per series: their
 * series_responsible rows (MAINTAINERS), their reviewers, and the reviewers of their other
 * revisions (series.revisions names them by head Message-ID within the project).
 */
export async function loadSeriesPeople(
  db: Db,
  projectId: number,
  series: { id: bigint; authorEmail: string; revisions: string[] }[],
): Promise<Map<bigint, SeriesPeopleFacts>> {
  const out = new Map<bigint, SeriesPeopleFacts>();
  for (const s of series) out.set(s.id, { responsible: [], reviewers: [], earlierReviewers: [] });
  if (series.length === 0) return out;
  const ids = series.map((s) => s.id.toString());
  const [responsible, reviewers, earlier] = await Promise.all([
    prisma(db).$queryRawUnsafe<ResponsibleSql[]>(
      `SELECT series_id, email, name, role, sections, status, rank FROM series_responsible
        WHERE series_id = ANY($1::bigint[]) ORDER BY series_id, rank, email`,
      ids,
    ),
    prisma(db).$queryRawUnsafe<ReviewerSql[]>(
      `SELECT pa.series_id, lower(t.email) AS email, max(t.name) AS name
         FROM patch pa JOIN trailer t ON t.patch_id = pa.id JOIN series s ON s.id = pa.series_id
        WHERE pa.series_id = ANY($1::bigint[]) AND t.key IN ('reviewed-by', 'acked-by')
          AND t.email IS NOT NULL AND lower(t.email) <> lower(s.author_email)
        GROUP BY pa.series_id, lower(t.email)
        ORDER BY pa.series_id, min(t.id)`,
      ids,
    ),
    prisma(db).$queryRawUnsafe<ReviewerSql[]>(
      `SELECT cur.id AS series_id, lower(t.email) AS email, max(t.name) AS name
         FROM series cur
         JOIN series o ON o.project_id = cur.project_id AND o.head_msgid = ANY(cur.revisions)
         JOIN patch pa ON pa.series_id = o.id
         JOIN trailer t ON t.patch_id = pa.id
        WHERE cur.id = ANY($1::bigint[]) AND cur.project_id = $2
          AND t.key IN ('reviewed-by', 'acked-by') AND t.email IS NOT NULL
          AND lower(t.email) <> lower(cur.author_email)
        GROUP BY cur.id, lower(t.email)
        ORDER BY cur.id, max(o.version) DESC, min(t.id)`,
      ids,
      projectId,
    ),
  ]);
  for (const r of responsible) {
    out.get(BigInt(r.series_id))?.responsible.push({
      email: r.email,
      name: r.name,
      role: r.role as ResponsibleEntry["role"],
      sections: r.sections,
      status: r.status,
      rank: r.rank,
    });
  }
  for (const r of reviewers)
    out.get(BigInt(r.series_id))?.reviewers.push({ email: r.email, name: r.name ?? "" });
  for (const r of earlier)
    out.get(BigInt(r.series_id))?.earlierReviewers.push({ email: r.email, name: r.name ?? "" });
  return out;
}

/** The project's id and the settings lost detection reads (synced from the projects file). */
export interface LostProject {
  id: number;
  name: string;
  lostAfterDays: number;
  reviewedUnmergedDays: number;
  lists: string[];
}

export async function findLostProject(db: Db, name: string): Promise<LostProject | null> {
  const row = await prisma(db).project.findUnique({
    where: { name },
    select: { id: true, name: true, settings: true },
  });
  if (!row) return null;
  const s = (row.settings ?? {}) as {
    lostAfterDays?: unknown;
    reviewedUnmergedDays?: unknown;
    lists?: unknown;
  };
  const days = (v: unknown, fallback: number) =>
    typeof v === "number" && Number.isInteger(v) && v > 0 ? v : fallback;
  return {
    id: row.id,
    name: row.name,
    lostAfterDays: days(s.lostAfterDays, 14),
    reviewedUnmergedDays: days(s.reviewedUnmergedDays, 30),
    lists: Array.isArray(s.lists) ? s.lists.filter((l): l is string => typeof l === "string") : [],
  };
}
