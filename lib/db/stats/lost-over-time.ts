import type { LostWeek } from "./types";
import { type Db, prisma } from "../client";
import { sqlTimestamp } from "./window-sql";

/**
 * At the end of each week (the Monday after it, 00:00 UTC), how many series were lost by
 * the rule "nobody but the author answered within N days" (N = lostAfterDays): the series
 * was current then (posted, not yet merged, not yet followed by a newer revision) and
 * posted N or more days earlier, and no one else had replied yet. So each series is lost
 * over one interval, [posted + N days, the first of: first reply from someone else, merge,
 * newer revision), and a week's figure counts the intervals that hold its end.
 *
 * Withdrawn series are not told apart (nothing records a withdrawal), and pull requests
 * are left out. Series whose interval ended before the window are skipped before their
 * replies are looked up; the first-reply lookup is an index-only probe per series
 * (migration 20261129084000_stats).
 */
export async function getLostOverTime(
  db: Db,
  projectId: number,
  window: { start: Date; end: Date },
  lostAfterDays: number,
): Promise<LostWeek[]> {
  const start = sqlTimestamp(window.start);
  const end = sqlTimestamp(window.end);
  const rows = await prisma(db).$queryRaw<{ week: Date; lost: number }[]>`
    WITH candidates AS MATERIALIZED (
      SELECT s.id, lower(s.author_email) AS author,
        s.date + make_interval(days => ${lostAfterDays}) AS lost_from,
        least(s.merged_at, CASE WHEN s.obsoleted_by IS NOT NULL THEN coalesce(o.date, s.date) END) AS closed_at
      FROM series s
      LEFT JOIN series o ON o.project_id = s.project_id AND o.head_msgid = s.obsoleted_by
      WHERE s.project_id = ${projectId} AND NOT s.is_pull AND s.date IS NOT NULL
        AND s.date + make_interval(days => ${lostAfterDays}) < ${end}
        AND (s.merged_at IS NULL OR s.merged_at > ${start})
        AND (s.obsoleted_by IS NULL OR coalesce(o.date, s.date) > ${start})
    ),
    intervals AS (
      SELECT c.lost_from, least(c.closed_at, r.at) AS lost_until
      FROM candidates c
      LEFT JOIN LATERAL (
        SELECT min(m.date) AS at
        FROM project_message pm
        JOIN message m ON m.id = pm.message_id AND NOT m.auto_submitted
        WHERE pm.series_id = c.id AND pm.role = 'reply' AND lower(m.from_email) <> c.author
      ) r ON true
    ),
    open_intervals AS MATERIALIZED (
      SELECT * FROM intervals WHERE lost_until IS NULL OR lost_until > ${start}
    )
    SELECT w.week_end - interval '1 week' AS week,
      (SELECT count(*)::int FROM open_intervals i
        WHERE i.lost_from <= w.week_end AND (i.lost_until IS NULL OR i.lost_until > w.week_end)) AS lost
    FROM generate_series(${start} + interval '1 week', ${end}, interval '1 week') AS w(week_end)
    ORDER BY 1`;
  return rows;
}
