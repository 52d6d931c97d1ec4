import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { RelativeDate } from "@/app/_components/relative-date";
import { loadConfig } from "@/lib/config";
import { listLost } from "@/lib/db/lost/list-lost";
import { listOrphaned } from "@/lib/db/lost/list-orphaned";
import { getServerDb } from "@/lib/db/server-db";
import { PatchwatchError } from "@/lib/errors";
import { seriesHref } from "@/lib/ui/list-params";

import { LostSeriesRow } from "./_components/lost-row";
import { PeopleLine } from "./_components/people-line";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Lost series: ${(await params).project}` };
}

/**
 * /<project>/lost: a static segment, so Next.js picks it before [msgid] (as it does
 * atom.xml); a series whose head Message-ID is literally "lost" stays reachable at
 * /m/lost. Lost series first, then the orphaned areas, each with its own cursor.
 */
export default async function LostPage({ params, searchParams }: Props) {
  const { project } = await params;
  const query = await searchParams;
  const now = new Date();
  const db = getServerDb();
  const after = one(query.after);
  const orphanedAfter = one(query.oafter);
  // A bad cursor is a message on the page, not an error page.
  const load = async <T,>(run: () => Promise<T>): Promise<{ value: T | null; problem: string | null }> => {
    try {
      return { value: await run(), problem: null };
    } catch (error) {
      if (error instanceof PatchwatchError && error.code === "bad-request")
        return { value: null, problem: error.message };
      throw error;
    }
  };
  const publicUrl = loadConfig().publicUrl;
  const [lostResult, orphanedResult] = await Promise.all([
    load(() => listLost(db, { project, now, after, publicUrl })),
    load(() => listOrphaned(db, { project, now, after: orphanedAfter })),
  ]);
  const lost = lostResult.value;
  const orphaned = orphanedResult.value;
  const problem = lostResult.problem ?? orphanedResult.problem;
  if ((!lost || !orphaned) && !problem) notFound();
  const base = `/${encodeURIComponent(project)}/lost`;
  return (
    <section aria-labelledby="lost-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4">
        <h1 id="lost-heading" className="text-xl font-semibold">
          Lost series: {project}
        </h1>
        <a
          href={`/${encodeURIComponent(project)}`}
          className="text-sm text-sky-700 hover:underline dark:text-sky-400"
        >
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
            {after ? <a href={base}>← Newest</a> : <span />}
            {lost.next ? (
              <a href={`${base}?after=${encodeURIComponent(lost.next)}`} rel="next">
                Older →
              </a>
            ) : null}
          </nav>
        </>
      ) : null}
      {orphaned ? (
        <section aria-labelledby="orphaned-heading" className="mt-8">
          <h2 id="orphaned-heading" className="text-lg font-semibold">
            Orphaned areas
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Current series touching only files whose MAINTAINERS sections are Orphan, Odd Fixes or Obsolete,
            or that no section maintains, with the next best people to ask.
          </p>
          {orphaned.rows.length === 0 ? (
            <p className="mt-2">No orphaned series{orphanedAfter ? " further down" : ""}.</p>
          ) : (
            <ol className="mt-2">
              {orphaned.rows.map((row) => (
                <li key={row.id.toString()} className="border-b border-zinc-200 py-2 dark:border-zinc-800">
                  <a href={seriesHref(row.project, row.headMsgid)} className="font-medium hover:underline">
                    {row.title || "(no subject)"}
                  </a>{" "}
                  <span className="text-sm text-zinc-600 dark:text-zinc-400">
                    v{row.version} · {row.author.name || row.author.email} · posted{" "}
                    <RelativeDate date={row.date} now={now} />
                    {row.lost ? ` · lost: ${row.lost.reason}` : ""}
                  </span>
                  <PeopleLine people={row.people} />
                </li>
              ))}
            </ol>
          )}
          {orphaned.next ? (
            <p className="mt-2 text-sm">
              <a href={`${base}?oafter=${encodeURIComponent(orphaned.next)}`} rel="next">
                More orphaned series →
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
