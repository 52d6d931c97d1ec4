import type { Db } from "../db/client";
import { listLost, type LostPage } from "../flows/lost/list-lost";
import { listOrphaned, type OrphanedPage } from "../flows/lost/list-orphaned";
import { type SearchParams, searchParam } from "../ui/list-params";
import { problemOnPage } from "./problem-on-page";

export interface LostPageView {
  project: string;
  /** Null when the cursor was refused (see `problem`). */
  lost: LostPage | null;
  orphaned: OrphanedPage | null;
  /** Why a cursor was refused, for the page to show. */
  problem: string | null;
  /** The cursors the page was asked for: of the lost list and of the orphaned list. */
  after: string | undefined;
  orphanedAfter: string | undefined;
}

/**
 * A project's lost page: lost series first, then the orphaned areas, each with its own
 * cursor (`?after=`, `?oafter=`). Null for an unknown project.
 */
export async function loadLostPage(
  db: Db,
  options: { project: string; searchParams: SearchParams; now: Date; publicUrl: string | undefined },
): Promise<LostPageView | null> {
  const { project, now, publicUrl } = options;
  const after = searchParam(options.searchParams, "after");
  const orphanedAfter = searchParam(options.searchParams, "oafter");
  const [lost, orphaned] = await Promise.all([
    problemOnPage(() => listLost(db, { project, now, after, publicUrl })),
    problemOnPage(() => listOrphaned(db, { project, now, after: orphanedAfter })),
  ]);
  const problem = lost.problem ?? orphaned.problem;
  if ((!lost.value || !orphaned.value) && !problem) return null;
  return { project, lost: lost.value, orphaned: orphaned.value, problem, after, orphanedAfter };
}
