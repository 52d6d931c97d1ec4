import type { Db } from "@/lib/db/client";
import { listSeries, type SeriesListPage } from "@/lib/db/series/list-series";
import { PatchwatchError } from "@/lib/errors";
import type { ListParams } from "@/lib/ui/list-params";

export interface SeriesListResult {
  page: SeriesListPage;
  /** Why the search or the cursor was refused, for the page to show above an empty list. */
  problem: string | null;
}

/**
 * A list page's load: a search the user got wrong is a message on the page, not an error
 * page; anything else goes on to app/error.tsx.
 */
export async function listSeriesForPage(
  db: Db,
  options: { projects?: string[]; params: ListParams; now: Date },
): Promise<SeriesListResult> {
  try {
    const page = await listSeries(db, {
      projects: options.projects,
      query: options.params.q || undefined,
      after: options.params.after ?? undefined,
      now: options.now,
    });
    return { page, problem: null };
  } catch (error) {
    if (error instanceof PatchwatchError && error.code === "bad-request") {
      return { page: { rows: [], next: null }, problem: error.message };
    }
    throw error;
  }
}
