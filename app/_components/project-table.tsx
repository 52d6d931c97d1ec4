import Link from "next/link";

import type { ProjectOverview } from "@/lib/db/projects/project-overview";
import { projectHref } from "@/lib/routes";

import { CountLink } from "./count-link";
import { RelativeDate } from "./relative-date";

/** One count column: its header, its phone label, its hover text and the search it links to. */
interface Column {
  header: string;
  label: string;
  explanation: string;
  q?: string;
  count: (p: ProjectOverview) => number;
  testId?: (p: ProjectOverview) => string;
}

const columns: Column[] = [
  {
    header: "Series",
    label: "series",
    explanation: "series in all",
    count: (p) => p.series.total,
    testId: (p) => `series-count-${p.name}`,
  },
  {
    header: "Open",
    label: "open",
    explanation: "series neither obsolete nor merged",
    q: "-is:obsolete -is:merged",
    count: (p) => p.series.open,
  },
  {
    header: "Complete",
    label: "complete",
    explanation: "series with every patch received",
    q: "is:complete",
    count: (p) => p.series.complete,
  },
  {
    header: "Reviewed",
    label: "reviewed",
    explanation: "series with every patch reviewed or acked",
    q: "is:reviewed",
    count: (p) => p.series.reviewed,
  },
  {
    header: "Obsolete",
    label: "obsolete",
    explanation: "series superseded by a newer revision",
    q: "is:obsolete",
    count: (p) => p.series.obsolete,
  },
  {
    header: "Merged",
    label: "merged",
    explanation: "series merged upstream",
    q: "is:merged",
    count: (p) => p.series.merged,
  },
  {
    header: "RFC",
    label: "RFC",
    explanation: "requests for comments",
    q: "is:rfc",
    count: (p) => p.series.rfc,
  },
  { header: "Pull", label: "pull", explanation: "pull requests", q: "is:pull", count: (p) => p.series.pull },
];

const cell = "inline-block pr-3 sm:table-cell sm:py-1.5 sm:pr-3 sm:text-right";

/**
 * The projects and their series by state. On a phone each project becomes a block
 * (name, then its counts with their labels) so that nothing scrolls sideways.
 */
export function ProjectTable({ projects, now }: { projects: ProjectOverview[]; now: Date }) {
  const days = projects[0]?.recent.days ?? 30;
  const recentQuery = `age:<${days}d`;
  return (
    <table className="w-full border-collapse text-sm">
      <thead className="sr-only sm:not-sr-only sm:table-header-group">
        <tr className="border-b border-zinc-300 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <th scope="col" className="py-1.5 pr-3 text-left font-medium">
            Project
          </th>
          {columns.map((c) => (
            <th key={c.header} scope="col" className="py-1.5 pr-3 text-right font-medium">
              {c.header}
            </th>
          ))}
          <th scope="col" className="py-1.5 pr-3 text-right font-medium" title={`in the last ${days} days`}>
            New ({days} d)
          </th>
          <th scope="col" className="py-1.5 pr-3 text-right font-medium" title={`in the last ${days} days`}>
            Messages ({days} d)
          </th>
          <th scope="col" className="py-1.5 text-left font-medium">
            Last activity
          </th>
        </tr>
      </thead>
      <tbody>
        {projects.map((p) => (
          <tr
            key={p.name}
            data-project={p.name}
            className="block border-b border-zinc-200 py-2 sm:table-row sm:py-0 dark:border-zinc-800"
          >
            <th scope="row" className="block pb-1 text-left font-medium sm:table-cell sm:py-1.5 sm:pr-3">
              <Link href={projectHref(p.name)} className="hover:underline">
                {p.displayName}
              </Link>
              {p.parent ? (
                <span className="ml-2 text-xs font-normal text-zinc-500 dark:text-zinc-400">
                  in {p.parent}
                </span>
              ) : null}
            </th>
            {columns.map((c) => (
              <td key={c.header} className={cell}>
                <CountLink
                  project={p.name}
                  q={c.q}
                  count={c.count(p)}
                  label={c.label}
                  explanation={c.explanation}
                  testId={c.testId?.(p)}
                />
              </td>
            ))}
            <td className={cell}>
              <CountLink
                project={p.name}
                q={recentQuery}
                count={p.recent.newSeries}
                label={`new in ${days} d`}
                explanation={`series first posted in the last ${days} days (the list shows every series active in that time)`}
              />
            </td>
            <td className={cell}>
              <CountLink
                project={p.name}
                q={recentQuery}
                count={p.recent.messages}
                label={`messages in ${days} d`}
                explanation={`messages in the last ${days} days, in ${p.recent.activeSeries} active series`}
              />
            </td>
            <td className="block pt-1 text-xs text-zinc-600 sm:table-cell sm:py-1.5 sm:text-sm dark:text-zinc-400">
              <span className="sm:sr-only">last activity </span>
              <RelativeDate date={p.lastActivity} now={now} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
