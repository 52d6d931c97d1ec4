import type { AreaResponse, AreaSource } from "./types";
import { type Db, prisma } from "../client";
import { Prisma } from "../client";
import { daysBetween, postedWithFirstReply } from "./window-sql";

interface Row {
  source: AreaSource;
  area: string;
  series: number;
  answered: number;
  median: number | null;
  p90: number | null;
}

/** Areas with fewer series say little about anyone. */
export const MIN_AREA_SERIES = 3;

/**
 * Median and 90th percentile of days to the first reply from someone else, per area, for
 * the series posted in the window; the slowest `limit` areas first. An area is a
 * MAINTAINERS section of the series' responsible people (series_responsible.sections);
 * when no series of the window has any (a project without a MAINTAINERS file), it is the
 * top-level directory of the files its patches touch ("(top level)" for a file at the root).
 * A series counts once in each of its areas.
 */
export async function getAreaResponse(
  db: Db,
  projectId: number,
  window: { start: Date; end: Date },
  limit = 15,
): Promise<{ source: AreaSource; rows: AreaResponse[] }> {
  const days = daysBetween(Prisma.sql`p.date`, Prisma.sql`fr.at`);
  const rows = await prisma(db).$queryRaw<Row[]>`
    WITH ${postedWithFirstReply(projectId, window.start, window.end)},
    by_section AS (
      SELECT DISTINCT p.id, section AS area
      FROM posted p
      JOIN series_responsible sr ON sr.series_id = p.id
      CROSS JOIN LATERAL unnest(sr.sections) AS section
    ),
    by_directory AS (
      SELECT DISTINCT p.id,
        CASE WHEN strpos(f, '/') > 0 THEN split_part(f, '/', 1) || '/' ELSE '(top level)' END AS area
      FROM posted p
      JOIN patch pa ON pa.series_id = p.id
      CROSS JOIN LATERAL unnest(pa.files) AS f
      WHERE NOT EXISTS (SELECT 1 FROM by_section)
    ),
    areas AS (
      SELECT id, area, 'maintainers' AS source FROM by_section
      UNION ALL
      SELECT id, area, 'directories' FROM by_directory
    )
    SELECT a.source, a.area, count(*)::int AS series, count(fr.at)::int AS answered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days}) AS p90
    FROM areas a
    JOIN posted p ON p.id = a.id
    LEFT JOIN first_reply fr ON fr.id = p.id
    GROUP BY a.source, a.area
    HAVING count(*) >= ${MIN_AREA_SERIES} AND count(fr.at) > 0
    ORDER BY median DESC NULLS LAST, a.area
    LIMIT ${limit}`;
  const source: AreaSource =
    rows[0]?.source ?? ((await hasSections(db, projectId)) ? "maintainers" : "directories");
  return {
    source,
    rows: rows.map((r) => ({
      area: r.area,
      series: r.series,
      answered: r.answered,
      medianDays: r.median,
      p90Days: r.p90,
    })),
  };
}

/** With no row to say where the areas came from: whether the project has any sections at all. */
async function hasSections(db: Db, projectId: number): Promise<boolean> {
  const rows = await prisma(db).$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM series_responsible sr JOIN series s ON s.id = sr.series_id
      WHERE s.project_id = ${projectId} AND cardinality(sr.sections) > 0
    ) AS found`;
  return rows[0]?.found ?? false;
}
