import { statsWindow } from "../../stats/window";
import type { ProjectStats } from "../../stats/types";
import type { Db } from "../client";
import { getAreaResponse } from "./area-response";
import { getLostOverTime } from "./lost-over-time";
import { getMergeTimes } from "./merge-times";
import { getResponseTimes } from "./response-times";
import { sqlTimestamp } from "./window-sql";
import { getWeeklyCounts } from "./weekly-counts";

/** DESIGN.md's N when the project row carries none (lib/config.ts has the same default). */
const DEFAULT_LOST_AFTER_DAYS = 14;

/**
 * Every figure of a project's stats page, or null for an unknown project. The charts end
 * with the week of the latest posting (or of `now`), see lib/stats/window.ts; the month
 * charts start at the first whole month of that window. The queries run side by side.
 */
export async function getProjectStats(db: Db, name: string, now: Date): Promise<ProjectStats | null> {
  const project = await db.project.findUnique({ where: { name }, select: { id: true, settings: true } });
  if (!project) return null;
  const settings = project.settings as { lostAfterDays?: unknown } | null;
  const lostAfterDays =
    typeof settings?.lostAfterDays === "number" && settings.lostAfterDays > 0
      ? settings.lostAfterDays
      : DEFAULT_LOST_AFTER_DAYS;
  const [latest] = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT max(s.date) AS at FROM series s
    WHERE s.project_id = ${project.id} AND s.date <= ${sqlTimestamp(now)}`;
  const window = statsWindow(latest?.at ?? null, now);
  const months = { start: window.monthStarts[0]!, end: window.end };
  const [response, merge, weekly, lost, areas] = await Promise.all([
    getResponseTimes(db, project.id, months),
    getMergeTimes(db, project.id, months),
    getWeeklyCounts(db, project.id, window),
    getLostOverTime(db, project.id, window, lostAfterDays),
    getAreaResponse(db, project.id, window),
  ]);
  return { project: name, window, lostAfterDays, response, merge, weekly, lost, areas };
}
