import type { ResponseMonth } from "./types";
import { type Db, prisma } from "../client";
import { Prisma } from "../client";
import { daysBetween, postedWithFirstReply } from "./window-sql";

interface Row {
  month: Date;
  posted: number;
  answered: number;
  reply_median: number | null;
  reply_p90: number | null;
  reviewed: number;
  review_median: number | null;
  review_p90: number | null;
}

/**
 * Per month of posting: days to the first reply from someone other than the author, and
 * to the first Reviewed-by/Acked-by from someone else (given in a reply: a tag written
 * in the patch itself, or carried from an earlier version, was not given to this posting).
 * Median and 90th percentile over the series that got one.
 */
export async function getResponseTimes(
  db: Db,
  projectId: number,
  window: { start: Date; end: Date },
): Promise<ResponseMonth[]> {
  const replyDays = daysBetween(Prisma.sql`p.date`, Prisma.sql`fr.at`);
  const reviewDays = daysBetween(Prisma.sql`p.date`, Prisma.sql`rv.at`);
  const rows = await prisma(db).$queryRaw<Row[]>`
    WITH ${postedWithFirstReply(projectId, window.start, window.end)},
    first_review AS (
      SELECT p.id, min(m.date) AS at
      FROM posted p
      JOIN patch pa ON pa.series_id = p.id
      JOIN trailer t ON t.patch_id = pa.id
      JOIN message m ON m.id = t.source_id
      WHERE t.kind IN ('Reviewed-by', 'Acked-by') AND t.origin NOT IN ('in_patch', 'carried')
        AND lower(coalesce(t.email, '')) <> p.author
      GROUP BY p.id
    )
    SELECT date_trunc('month', p.date) AS month,
      count(*)::int AS posted,
      count(fr.at)::int AS answered,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${replyDays}) AS reply_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${replyDays}) AS reply_p90,
      count(rv.at)::int AS reviewed,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${reviewDays}) AS review_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY ${reviewDays}) AS review_p90
    FROM posted p
    LEFT JOIN first_reply fr ON fr.id = p.id
    LEFT JOIN first_review rv ON rv.id = p.id
    GROUP BY 1
    ORDER BY 1`;
  return rows.map((r) => ({
    month: r.month,
    posted: r.posted,
    answered: r.answered,
    replyMedianDays: r.reply_median,
    replyP90Days: r.reply_p90,
    reviewed: r.reviewed,
    reviewMedianDays: r.review_median,
    reviewP90Days: r.review_p90,
  }));
}
