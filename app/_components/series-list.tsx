import type { SeriesListRow } from "@/lib/db/series/list-series";

import { SeriesRow } from "./series-row";

/** The rows of a list page, newest activity first, with a header row on wide screens. */
export function SeriesList({
  rows,
  now,
  showProject,
  empty,
}: {
  rows: SeriesListRow[];
  now: Date;
  showProject: boolean;
  empty: string;
}) {
  if (rows.length === 0) {
    return <p className="py-6 text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  }
  return (
    <div className="text-sm">
      <div
        aria-hidden="true"
        className="series-grid hidden border-b border-zinc-300 px-2 py-1 text-xs font-medium text-zinc-500 sm:grid dark:border-zinc-700 dark:text-zinc-400"
      >
        <span>Series</span>
        <span>Author</span>
        <span className="text-right">Ver.</span>
        <span className="text-right">Patches</span>
        <span className="text-right">Replies</span>
        <span>Posted</span>
        <span>Active</span>
      </div>
      <ul aria-label="Series">
        {rows.map((row) => (
          <SeriesRow key={row.id.toString()} row={row} now={now} showProject={showProject} />
        ))}
      </ul>
    </div>
  );
}
