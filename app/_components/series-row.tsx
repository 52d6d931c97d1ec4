import type { SeriesListRow } from "@/lib/db/series/list-series";
import { projectHref, seriesHref } from "@/lib/routes";

import { RelativeDate } from "./relative-date";
import { SeriesBadges } from "./series-badges";

/**
 * One series of the list. Column labels are visible on a phone (where the facts wrap
 * onto a second line) and read by screen readers everywhere; the desktop header row is
 * for the eye only. Fifty of these make a page, so the markup is lean: classes from
 * globals.css, and plain links (next/link would prefetch fifty series pages).
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
    <li data-series-row className="series-row series-grid">
      <div className="min-w-0 break-words">
        {showProject ? (
          <a href={projectHref(row.project)} className="series-project">
            {row.project}
          </a>
        ) : null}
        <a
          data-row-link
          href={seriesHref(row.project, row.headMsgid)}
          className={row.obsoletedBy ? "series-title obsolete" : "series-title"}
        >
          {row.title || "(no subject)"}
        </a>
        <SeriesBadges row={row} />
      </div>
      <div className="series-facts">
        <span className="min-w-0 truncate" title={row.authorEmail}>
          <span className="sr-only">by </span>
          {author}
        </span>
        <span className="num">
          <span className="sr-only">version </span>v{row.version}
        </span>
        <span
          className={row.complete ? "num" : "num short"}
          title={`${row.received} of ${row.total} patches received`}
        >
          {`${row.received}/${row.total}`}
          <span className="sr-only"> patches</span>
        </span>
        <span className="num">
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
