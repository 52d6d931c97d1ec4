import { Prisma } from "../client";

/** Dates are stored as UTC wall-clock `timestamp`s: bounds are passed the same way. */
export function sqlTimestamp(date: Date): Prisma.Sql {
  return Prisma.sql`${date.toISOString().replace(/Z$/, "")}::timestamp`;
}

/**
 * The series of a project posted in [start, end), pull requests left out (they are not
 * reviewed on the list), and the first answer each got from someone other than its author:
 * `posted(id, date, author)` and `first_reply(id, at)`. Robots (Auto-Submitted mail) do
 * not count as an answer. The lookups use the partial covering indexes of migration
 * 20261129084000_stats.
 */
export function postedWithFirstReply(projectId: number, start: Date, end: Date): Prisma.Sql {
  return Prisma.sql`
    posted AS MATERIALIZED (
      SELECT s.id, s.date, lower(s.author_email) AS author
      FROM series s
      WHERE s.project_id = ${projectId} AND NOT s.is_pull
        AND s.date >= ${sqlTimestamp(start)} AND s.date < ${sqlTimestamp(end)}
    ),
    first_reply AS (
      SELECT p.id, min(m.date) AS at
      FROM posted p
      JOIN project_message pm ON pm.series_id = p.id AND pm.role = 'reply'
      JOIN message m ON m.id = pm.message_id AND NOT m.auto_submitted
      WHERE lower(m.from_email) <> p.author
      GROUP BY p.id
    )`;
}

/**
 * Days between two timestamps, null when either is (no reply yet: left out of percentiles);
 * a reply dated before its patch (a wrong clock) counts as zero. greatest() alone would
 * turn a null into that zero, as PostgreSQL's greatest ignores nulls.
 */
export function daysBetween(from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${to} IS NOT NULL AND ${from} IS NOT NULL
    THEN greatest(0, extract(epoch FROM (${to} - ${from})) / 86400.0) END`;
}
