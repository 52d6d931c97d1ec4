import type { Db } from "../../db/client";
import { getAreaResponse } from "../../db/stats/area-response";
import { findStatsProject } from "../../db/stats/find-stats-project";
import { getLostOverTime } from "../../db/stats/lost-over-time";
import { getMergeTimes } from "../../db/stats/merge-times";
import { getResponseTimes } from "../../db/stats/response-times";
import { getWeeklyCounts } from "../../db/stats/weekly-counts";
import type { ProjectStats } from "../../stats/types";
import { statsWindow } from "../../stats/window";

/** DESIGN.md's N when the project row carries none (lib/config/projects-file.ts has the same default). */
const DEFAULT_LOST_AFTER_DAYS = 14;

/**
 * Every figure of a project's stats page, or null for an unknown project. The charts end
 * with the week of the latest posting (or of `now`), see lib/stats/window.ts; the month
 * charts start at the first whole month of that window. The queries run side by side.
 */
export async function getProjectStats(db: Db, name: string, now: Date): Promise<ProjectStats | null> {
  const project = await findStatsProject(db, name, now);
  if (!project) return null;
  const lostAfterDays = project.lostAfterDays ?? DEFAULT_LOST_AFTER_DAYS;
  const window = statsWindow(project.latestPosting, now);
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
