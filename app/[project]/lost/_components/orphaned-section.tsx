import { RelativeDate } from "@/app/_components/relative-date";
import type { OrphanedPage } from "@/lib/flows/lost/list-orphaned";
import { lostHref, seriesHref } from "@/lib/routes";

import { PeopleLine } from "./people-line";

/** The lost page's second list: series in areas nobody maintains, with the next best people to ask. */
export function OrphanedSection({
  orphaned,
  orphanedAfter,
  project,
  now,
}: {
  orphaned: OrphanedPage;
  orphanedAfter: string | undefined;
  project: string;
  now: Date;
}) {
  return (
    <section aria-labelledby="orphaned-heading" className="mt-8">
      <h2 id="orphaned-heading" className="text-lg font-semibold">
        Orphaned areas
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Current series touching only files whose MAINTAINERS sections are Orphan, Odd Fixes or Obsolete, or
        that no section maintains, with the next best people to ask.
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
          <a href={lostHref(project, { oafter: orphaned.next })} rel="next">
            More orphaned series →
          </a>
        </p>
      ) : null}
    </section>
  );
}
