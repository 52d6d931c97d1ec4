import type { Db } from "../db/client";
import { findProject, type ProjectSummary } from "../db/projects/find-project";
import { statsCharts, type StatsCharts } from "../stats/charts";
import { getProjectStats } from "../flows/stats/project-stats";
import { headline } from "../stats/shape";
import type { ProjectStats } from "../stats/types";

export interface ProjectStatsView {
  project: ProjectSummary;
  stats: ProjectStats;
  charts: StatsCharts;
  figures: ReturnType<typeof headline>;
  /** The first and the last day the charts cover, as YYYY-MM-DD (UTC). */
  firstDay: string;
  lastDay: string;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A project's stats page: its figures and their charts, or null for an unknown project. */
export async function loadProjectStats(db: Db, name: string, now: Date): Promise<ProjectStatsView | null> {
  const project = await findProject(db, name);
  if (!project) return null;
  const stats = await getProjectStats(db, project.name, now);
  if (!stats) return null;
  return {
    project,
    stats,
    charts: statsCharts(stats),
    figures: headline(stats),
    firstDay: day(stats.window.start),
    lastDay: day(new Date(stats.window.end.getTime() - 86_400_000)),
  };
}
