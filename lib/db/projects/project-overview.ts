import { type Db, prisma } from "../client";

/** Series counts of one project, by the states the list can filter on. */
export interface SeriesCounts {
  total: number;
  /** Neither obsoleted by a newer revision nor merged: what still needs someone. */
  open: number;
  complete: number;
  reviewed: number;
  obsolete: number;
  merged: number;
  rfc: number;
  pull: number;
}

/** What happened in the window that ends at `now`. */
export interface RecentActivity {
  days: number;
  /** Series first posted in the window. */
  newSeries: number;
  /** Series whose last message is in the window: what the list shows for `age:<Nd`. */
  activeSeries: number;
  /** Messages of the project dated in the window. */
  messages: number;
}

export interface ProjectOverview {
  name: string;
  displayName: string;
  parent: string | null;
  series: SeriesCounts;
  recent: RecentActivity;
  lastActivity: Date | null;
}

export const RECENT_DAYS = 30;

interface OverviewSql {
  name: string;
  settings: { displayName?: string } | null;
  parent: string | null;
  total: number;
  open: number;
  complete: number;
  reviewed: number;
  obsolete: number;
  merged: number;
  rfc: number;
  pull: number;
  new_series: number;
  active_series: number;
  recent_messages: number;
  last_activity: Date | null;
}

/**
 * Per project: series counts by state and the activity of the last 30 days, for the home
 * page. Counts only; `now` is passed in so the window is testable. Dates are stored as
 * UTC wall-clock `timestamp`s, hence the explicit UTC conversion of the bounds.
 */
export async function getProjectOverview(db: Db, now: Date): Promise<ProjectOverview[]> {
  const end = now.toISOString().replace(/Z$/, "");
  const rows = await prisma(db).$queryRaw<OverviewSql[]>`
    WITH bounds AS (
      SELECT ${end}::timestamp AS end_at, ${end}::timestamp - make_interval(days => ${RECENT_DAYS}) AS start_at
    ),
    counts AS (
      SELECT s.project_id,
        count(*)::int AS total,
        count(*) FILTER (WHERE s.obsoleted_by IS NULL AND s.merged_at IS NULL)::int AS open,
        count(*) FILTER (WHERE s.complete)::int AS complete,
        count(*) FILTER (WHERE s.reviewed)::int AS reviewed,
        count(*) FILTER (WHERE s.obsoleted_by IS NOT NULL)::int AS obsolete,
        count(*) FILTER (WHERE s.merged_at IS NOT NULL)::int AS merged,
        count(*) FILTER (WHERE s.is_rfc)::int AS rfc,
        count(*) FILTER (WHERE s.is_pull)::int AS pull,
        count(*) FILTER (WHERE s.date >= b.start_at AND s.date <= b.end_at)::int AS new_series,
        count(*) FILTER (WHERE s.last_activity >= b.start_at AND s.last_activity <= b.end_at)::int AS active_series,
        max(s.last_activity) AS last_activity
      FROM series s CROSS JOIN bounds b
      GROUP BY s.project_id
    ),
    recent_messages AS (
      SELECT pm.project_id, count(*)::int AS messages
      FROM project_message pm
      JOIN message m ON m.id = pm.message_id
      CROSS JOIN bounds b
      WHERE m.date >= b.start_at AND m.date <= b.end_at
      GROUP BY pm.project_id
    )
    SELECT p.name, p.settings, pp.name AS parent,
      coalesce(c.total, 0) AS total, coalesce(c.open, 0) AS open,
      coalesce(c.complete, 0) AS complete, coalesce(c.reviewed, 0) AS reviewed,
      coalesce(c.obsolete, 0) AS obsolete, coalesce(c.merged, 0) AS merged,
      coalesce(c.rfc, 0) AS rfc, coalesce(c.pull, 0) AS pull,
      coalesce(c.new_series, 0) AS new_series, coalesce(c.active_series, 0) AS active_series,
      coalesce(rm.messages, 0) AS recent_messages, c.last_activity
    FROM project p
    LEFT JOIN project pp ON pp.id = p.parent_id
    LEFT JOIN counts c ON c.project_id = p.id
    LEFT JOIN recent_messages rm ON rm.project_id = p.id
    ORDER BY coalesce(pp.name, p.name), p.parent_id NULLS FIRST, p.name`;
  return rows.map((r) => ({
    name: r.name,
    displayName: r.settings?.displayName ?? r.name,
    parent: r.parent,
    series: {
      total: r.total,
      open: r.open,
      complete: r.complete,
      reviewed: r.reviewed,
      obsolete: r.obsolete,
      merged: r.merged,
      rfc: r.rfc,
      pull: r.pull,
    },
    recent: {
      days: RECENT_DAYS,
      newSeries: r.new_series,
      activeSeries: r.active_series,
      messages: r.recent_messages,
    },
    lastActivity: r.last_activity,
  }));
}
