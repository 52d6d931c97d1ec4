import type { MergeMonth } from "./types";
import { type Db, prisma } from "../client";
import { Prisma } from "../client";
import { daysBetween, sqlTimestamp } from "./window-sql";

interface Row {
  month: Date;
  merged: number;
  median: number | null;
  p90: number | null;
}

/**
 * Per month of merge: days from posting to series.merged_at (set by the upstream watcher),
 * and how many series of the project were ever merged (none: the page says so).
 */
export async function getMergeTimes(
  db: Db,
  projectId: number,
  window: { start: Date; end: Date },
): Promise<{ mergedEver: number; months: MergeMonth[] }> {
  const days = daysBetween(Prisma.sql`s.date`, Prisma.sql`s.merged_at`);
  const [rows, ever] = await Promise.all([
    prisma(db).$queryRaw<Row[]>`
      SELECT date_trunc('month', s.merged_at) AS month, count(*)::int AS merged,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) AS median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days}) AS p90
      FROM series s
      WHERE s.project_id = ${projectId} AND s.merged_at IS NOT NULL AND s.date IS NOT NULL
        AND s.merged_at >= ${sqlTimestamp(window.start)} AND s.merged_at < ${sqlTimestamp(window.end)}
      GROUP BY 1
      ORDER BY 1`,
    prisma(db).$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM series s WHERE s.project_id = ${projectId} AND s.merged_at IS NOT NULL`,
  ]);
  return {
    mergedEver: ever[0]?.n ?? 0,
    months: rows.map((r) => ({ month: r.month, merged: r.merged, medianDays: r.median, p90Days: r.p90 })),
  };
}
