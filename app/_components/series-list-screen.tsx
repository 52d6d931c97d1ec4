import type { ReactNode } from "react";

import type { SeriesListResult } from "@/lib/views/series-list";
import { ListKeyboard } from "./list-keyboard";
import { ListPager } from "./list-pager";
import { ListSearchForm } from "./list-search-form";
import { QueryProblem } from "./query-problem";
import { SeriesList } from "./series-list";

/** The body of a list page: heading, search, the rows, paging and the keyboard shortcuts. */
export function SeriesListScreen({
  heading,
  aside,
  path,
  q,
  after,
  result,
  now,
  showProject,
}: {
  heading: string;
  aside?: ReactNode;
  path: string;
  q: string;
  after: string | null;
  result: SeriesListResult;
  now: Date;
  showProject: boolean;
}) {
  const empty = q ? "No series match this search." : after ? "No older series." : "No series yet.";
  return (
    <section aria-labelledby="list-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 id="list-heading" className="text-xl font-semibold">
          {heading}
        </h1>
        {aside}
      </div>
      <ListSearchForm action={path} q={q} label={`Search ${heading}`} />
      {result.problem ? (
        <QueryProblem message={result.problem} />
      ) : (
        <div className="mt-3">
          <SeriesList rows={result.page.rows} now={now} showProject={showProject} empty={empty} />
        </div>
      )}
      <ListPager path={path} q={q} after={after} next={result.page.next} />
      <p className="mt-4 hidden text-xs text-zinc-500 sm:block dark:text-zinc-400">
        Keys: <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> next/previous,{" "}
        <kbd className="font-mono">o</kbd> or <kbd className="font-mono">Enter</kbd> open,{" "}
        <kbd className="font-mono">/</kbd> search
      </p>
      <ListKeyboard />
    </section>
  );
}
