import type { Db } from "../db/client";
import { getProjectOverview, type ProjectOverview } from "../db/projects/project-overview";

export interface HomePageView {
  projects: ProjectOverview[];
  /** The clock the counts were read with, for their relative dates. */
  now: Date;
}

/** The home page: every project with its series counts and recent activity. */
export async function loadHomePage(db: Db, now: Date): Promise<HomePageView> {
  return { projects: await getProjectOverview(db, now), now };
}
