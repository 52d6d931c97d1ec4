import type { Db } from "../db/client";
import { findProject, type ProjectSummary } from "../db/projects/find-project";
import type { ListParams } from "../ui/list-params";
import { loadSeriesList, type SeriesListResult } from "./series-list";

export interface ProjectSeriesView {
  project: ProjectSummary;
  /** The search and cursor the list was read with. */
  params: ListParams;
  result: SeriesListResult;
  /** The clock the list was read with, for its relative dates. */
  now: Date;
}

/** A project's list of series (its own, not its subprojects'), or null for an unknown project. */
export async function loadProjectSeries(
  db: Db,
  name: string,
  params: ListParams,
  now: Date,
): Promise<ProjectSeriesView | null> {
  const project = await findProject(db, name);
  if (!project) return null;
  const result = await loadSeriesList(db, { projects: [project.name], params, now });
  return { project, params, result, now };
}
