import type { Db } from "../client";

export interface ProjectOverview {
  name: string;
  displayName: string;
  parent: string | null;
  messages: number;
  series: number;
  complete: number;
  reviewed: number;
  obsolete: number;
  lastActivity: Date | null;
}

/** Per project: message and series counts for the home page. Selects counts only. */
export async function getProjectOverview(db: Db): Promise<ProjectOverview[]> {
  const rows = await db.$queryRaw<
    {
      name: string;
      settings: { displayName?: string } | null;
      parent: string | null;
      messages: bigint;
      series: bigint;
      complete: bigint;
      reviewed: bigint;
      obsolete: bigint;
      last_activity: Date | null;
    }[]
  >`
    SELECT p.name, p.settings, pp.name AS parent,
      (SELECT count(*) FROM project_message pm WHERE pm.project_id = p.id) AS messages,
      count(s.id) AS series,
      count(s.id) FILTER (WHERE s.complete) AS complete,
      count(s.id) FILTER (WHERE s.reviewed) AS reviewed,
      count(s.id) FILTER (WHERE s.obsoleted_by IS NOT NULL) AS obsolete,
      max(s.last_activity) AS last_activity
    FROM project p
    LEFT JOIN project pp ON pp.id = p.parent_id
    LEFT JOIN series s ON s.project_id = p.id
    GROUP BY p.id, pp.name
    ORDER BY p.name`;
  return rows.map((r) => ({
    name: r.name,
    displayName: r.settings?.displayName ?? r.name,
    parent: r.parent,
    messages: Number(r.messages),
    series: Number(r.series),
    complete: Number(r.complete),
    reviewed: Number(r.reviewed),
    obsolete: Number(r.obsolete),
    lastActivity: r.last_activity,
  }));
}
