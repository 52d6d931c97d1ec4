import Link from "next/link";

import type { SeriesListRow } from "@/lib/db/series/list-series";
import { seriesHref } from "@/lib/ui/list-params";

import { RelativeDate } from "./relative-date";
import { SeriesBadges } from "./series-badges";
import { SERIES_COLUMNS } from "./series-columns";

/**
 * One series of the list. Column labels are visible on a phone (where the facts wrap
 * onto a second line) and read by screen readers everywhere; the desktop header row is
 * for the eye only.
 */
export function SeriesRow({
  row,
  now,
  showProject,
}: {
  row: SeriesListRow;
  now: Date;
  showProject: boolean;
}) {
  const author = row.authorName || row.authorEmail || "unknown author";
  return (
    <li
      data-series-row
      className={`grid border-b border-zinc-200 px-2 py-1.5 focus-within:bg-sky-50 focus-within:shadow-[inset_3px_0_0_var(--color-sky-600)] hover:bg-zinc-50 dark:border-zinc-800 dark:focus-within:bg-sky-950/60 dark:hover:bg-zinc-900 ${SERIES_COLUMNS}`}
    >
      <div className="min-w-0 break-words">
        {showProject ? (
          <Link
            href={`/${encodeURIComponent(row.project)}`}
            className="mr-1.5 rounded bg-zinc-100 px-1 text-xs text-zinc-700 hover:underline dark:bg-zinc-800 dark:text-zinc-300"
          >
            {row.project}
          </Link>
        ) : null}
        <Link
          data-row-link
          href={seriesHref(row.project, row.headMsgid)}
          className={`mr-1.5 font-medium hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${row.obsoletedBy ? "text-zinc-500 dark:text-zinc-400" : "text-zinc-900 dark:text-zinc-100"}`}
        >
          {row.title || "(no subject)"}
        </Link>
        <SeriesBadges row={row} />
      </div>
      <div className="flex min-w-0 gap-x-2 text-xs whitespace-nowrap text-zinc-600 sm:contents sm:text-sm dark:text-zinc-400">
        <span className="min-w-0 truncate" title={row.authorEmail}>
          <span className="sr-only">by </span>
          {author}
        </span>
        <span className="sm:text-right">
          <span className="sr-only">version </span>v{row.version}
        </span>
        <span
          className={`tabular-nums sm:text-right ${row.complete ? "" : "text-orange-700 dark:text-orange-300"}`}
          title={`${row.received} of ${row.total} patches received`}
        >
          {row.received}/{row.total}
          <span className="sr-only"> patches</span>
        </span>
        <span className="tabular-nums sm:text-right">
          {row.replyCount}
          <span className="sm:sr-only"> {row.replyCount === 1 ? "reply" : "replies"}</span>
        </span>
        {/* A phone shows the last activity only, so that the facts keep to one line. */}
        <span className="hidden sm:inline">
          <span className="sr-only">posted </span>
          <RelativeDate date={row.date} now={now} />
        </span>
        <span>
          <span className="sr-only">active </span>
          <RelativeDate date={row.lastActivity} now={now} />
        </span>
      </div>
    </li>
  );
}
