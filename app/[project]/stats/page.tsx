import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";

import { getServerDb } from "@/lib/db/server-db";
import { apiProjectStatsPath, projectHref } from "@/lib/routes";
import type { Chart as StatsChart } from "@/lib/stats/charts";
import { loadProjectStats } from "@/lib/views/project-stats";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ project: string }>;
}

/** Metadata and page ask for the same project; one load serves both. */
const load = cache((name: string) => loadProjectStats(getServerDb(), name, new Date()));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load((await params).project);
  return view ? { title: `${view.project.displayName} stats` } : {};
}

/**
 * /<project>/stats: a static segment, so Next.js picks it before [msgid] (as it does
 * atom.xml); a series whose head Message-ID is literally "stats" stays reachable at
 * /m/stats. The charts are SVG written on the server (lib/stats/svg): no script runs.
 */
export default async function ProjectStatsPage({ params }: Props) {
  const view = await load((await params).project);
  if (!view) notFound();
  const { project, stats, charts, figures } = view;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 className="text-xl font-semibold">{project.displayName}: numbers and pictures</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <a href={projectHref(project.name)} className="text-sky-700 hover:underline dark:text-sky-400">
            series
          </a>
          {" · "}
          <a
            href={apiProjectStatsPath(project.name)}
            className="text-sky-700 hover:underline dark:text-sky-400"
          >
            these numbers as JSON
          </a>
        </p>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {view.firstDay} to {view.lastDay}: {figures.posted} series posted, {figures.answered} answered,{" "}
        {figures.reviewed} reviewed, {figures.merged} merged
        {figures.lostNow === null ? "" : `; ${figures.lostNow} lost at the end of the last week`}. Pull
        requests are left out, and replies sent by programs (Auto-Submitted) do not count as answers.
      </p>
      <Chart chart={charts.firstReply} testId="chart-first-reply">
        Each series is counted in the month it was posted; the median and the 90th percentile are taken over
        the series that got a reply.
      </Chart>
      <Chart chart={charts.firstReview} testId="chart-first-review">
        A Reviewed-by or Acked-by given in a reply; tags written in the patch or carried from an earlier
        version do not count.
      </Chart>
      {charts.merge ? (
        <Chart chart={charts.merge} testId="chart-merge">
          From posting to the day the upstream watcher found the series on the branch.
        </Chart>
      ) : (
        <section
          className="rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800"
          data-testid="no-merged"
        >
          <h2 className="font-semibold">Days from posting to merge</h2>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">No merged series yet.</p>
        </section>
      )}
      <Chart chart={charts.weekly} testId="chart-weekly">
        Every revision counts as a series posted; weeks start on Monday (UTC).
      </Chart>
      <Chart chart={charts.lost} testId="chart-lost">
        A series counts from {stats.lostAfterDays} days after it was posted until someone else answers it, it
        is merged, or a newer revision replaces it. Withdrawn series are not told apart here.
      </Chart>
      {charts.areas ? (
        <Chart chart={charts.areas} testId="chart-areas">
          {stats.areas.source === "maintainers"
            ? "MAINTAINERS sections of the people responsible for each series posted in these weeks"
            : "This project has no MAINTAINERS data, so areas are the top-level directories of the files each series touches"}
          ; areas with at least 3 series, slowest first.
        </Chart>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No area has enough answered series to compare.
        </p>
      )}
    </div>
  );
}

/** One chart: the SVG lib/stats/svg wrote (every label escaped there) and what it counts. */
function Chart({ chart, testId, children }: { chart: StatsChart; testId: string; children: ReactNode }) {
  return (
    <figure className="rounded border border-zinc-200 p-3 dark:border-zinc-800" data-testid={testId}>
      <h2 className="mb-2 text-sm font-semibold">{chart.title}</h2>
      <div className="text-zinc-700 dark:text-zinc-300" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <figcaption className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{children}</figcaption>
    </figure>
  );
}
