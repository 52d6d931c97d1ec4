import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { serverConfig } from "@/lib/config/server-config";
import { getServerDb } from "@/lib/db/server-db";
import { lostHref, projectHref } from "@/lib/routes";
import { loadLostPage } from "@/lib/views/lost-page";

import { LostSeriesRow } from "./_components/lost-row";
import { OrphanedSection } from "./_components/orphaned-section";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Lost series: ${(await params).project}` };
}

/**
 * /<project>/lost: a static segment, so Next.js picks it before [msgid] (as it does
 * atom.xml); a series whose head Message-ID is literally "lost" stays reachable at
 * /m/lost. Lost series first, then the orphaned areas, each with its own cursor.
 */
export default async function LostPage({ params, searchParams }: Props) {
  const now = new Date();
  const view = await loadLostPage(getServerDb(), {
    project: (await params).project,
    searchParams: await searchParams,
    now,
    publicUrl: serverConfig().publicUrl,
  });
  if (!view) notFound();
  const { project, lost, orphaned, problem, after, orphanedAfter } = view;
  return (
    <section aria-labelledby="lost-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4">
        <h1 id="lost-heading" className="text-xl font-semibold">
          Lost series: {project}
        </h1>
        <a href={projectHref(project)} className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          all series
        </a>
      </div>
      {problem ? <p role="alert">{problem}</p> : null}
      {lost ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Current series (latest revision, not merged, not withdrawn) with no answer but the author&apos;s{" "}
            {lost.project.lostAfterDays} days after posting, reviewed and not merged{" "}
            {lost.project.reviewedUnmergedDays} days after the last review, or whose review comments the
            author has left unanswered for {lost.project.lostAfterDays} days. Newest first.
          </p>
          {lost.rows.length === 0 ? (
            <p className="mt-3">{after ? "No older lost series." : "No lost series."}</p>
          ) : (
            <ol className="mt-2">
              {lost.rows.map((row) => (
                <LostSeriesRow key={row.id.toString()} row={row} now={now} />
              ))}
            </ol>
          )}
          <nav aria-label="Pages" className="mt-3 flex justify-between text-sm">
            {after ? <a href={lostHref(project)}>← Newest</a> : <span />}
            {lost.next ? (
              <a href={lostHref(project, { after: lost.next })} rel="next">
                Older →
              </a>
            ) : null}
          </nav>
        </>
      ) : null}
      {orphaned ? (
        <OrphanedSection orphaned={orphaned} orphanedAfter={orphanedAfter} project={project} now={now} />
      ) : null}
    </section>
  );
}
