import type { Db } from "../db/client";
import { listSeries, type SeriesListPage } from "../db/series/list-series";
import type { ListParams } from "../ui/list-params";
import { problemOnPage } from "./problem-on-page";

export interface SeriesListResult {
  page: SeriesListPage;
  /** Why the search or the cursor was refused, for the page to show above an empty list. */
  problem: string | null;
}

/**
 * A list page's load: a search the user got wrong is a message on the page, not an error
 * page; anything else goes on to app/error.tsx.
 */
export async function loadSeriesList(
  db: Db,
  options: { projects?: string[]; params: ListParams; now: Date },
): Promise<SeriesListResult> {
  const { value, problem } = await problemOnPage(() =>
    listSeries(db, {
      projects: options.projects,
      query: options.params.q || undefined,
      after: options.params.after ?? undefined,
      now: options.now,
    }),
  );
  return { page: value ?? { rows: [], next: null }, problem };
}
