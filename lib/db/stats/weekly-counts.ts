import type { WeekCounts } from "./types";
import { type Db, prisma } from "../client";
import { sqlTimestamp } from "./window-sql";

/** Series posted (every revision counts; pull requests do not) and series merged, per week. */
export async function getWeeklyCounts(
  db: Db,
  projectId: number,
  window: { start: Date; end: Date },
): Promise<WeekCounts[]> {
  const start = sqlTimestamp(window.start);
  const end = sqlTimestamp(window.end);
  const rows = await prisma(db).$queryRaw<{ week: Date; posted: number; merged: number }[]>`
    WITH events AS (
      SELECT date_trunc('week', s.date) AS week, 1 AS posted, 0 AS merged
      FROM series s
      WHERE s.project_id = ${projectId} AND NOT s.is_pull AND s.date >= ${start} AND s.date < ${end}
      UNION ALL
      SELECT date_trunc('week', s.merged_at), 0, 1
      FROM series s
      WHERE s.project_id = ${projectId} AND NOT s.is_pull AND s.merged_at IS NOT NULL
        AND s.merged_at >= ${start} AND s.merged_at < ${end}
    )
    SELECT week, sum(posted)::int AS posted, sum(merged)::int AS merged
    FROM events GROUP BY week ORDER BY week`;
  return rows;
}
