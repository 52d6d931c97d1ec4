import type { Metadata } from "next";

import { LostBadge } from "@/app/_components/lost-badge";
import { RelativeDate } from "@/app/_components/relative-date";
import { getServerDb } from "@/lib/db/server-db";
import { maintainerQueueHref, seriesHref } from "@/lib/routes";
import { loadMaintainerQueue, routeEmail } from "@/lib/views/maintainer-queue-page";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ email: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Review queue: ${routeEmail((await params).email)}` };
}

/** /maintainer/<email>: the series touching this person's files that wait for their review, oldest first. */
export default async function MaintainerQueuePage({ params, searchParams }: Props) {
  const now = new Date();
  const { email, filters, page, problem } = await loadMaintainerQueue(getServerDb(), {
    emailSegment: (await params).email,
    searchParams: await searchParams,
    now,
  });
  const nextHref = (next: string) =>
    maintainerQueueHref(email, {
      project: filters.project,
      role: filters.role,
      age: filters.minDays,
      after: next,
    });
  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading" className="mb-2 text-xl font-semibold">
        Review queue: {email}
      </h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Current series touching files MAINTAINERS gives to this address, that they have neither replied to nor
        reviewed, oldest first.
      </p>
      <form action={maintainerQueueHref(email)} className="my-3 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          Project
          <input name="project" defaultValue={filters.project ?? ""} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          Named as
          <select name="role" defaultValue={filters.role ?? ""} className="rounded border px-2 py-1">
            <option value="">maintainer or reviewer</option>
            <option value="maintainer">maintainer</option>
            <option value="reviewer">reviewer</option>
          </select>
        </label>
        <label className="flex flex-col">
          Waiting at least (days)
          <input
            name="age"
            inputMode="numeric"
            defaultValue={filters.minDays ?? ""}
            className="w-24 rounded border px-2 py-1"
          />
        </label>
        <button type="submit" className="rounded border px-3 py-1">
          Filter
        </button>
      </form>
      {problem ? <p role="alert">{problem}</p> : null}
      {page && page.rows.length === 0 ? <p>Nothing waits for this address.</p> : null}
      {page && page.rows.length > 0 ? (
        <ol>
          {page.rows.map((r) => (
            <li key={`${r.id}`} data-queue-row className="border-b border-zinc-200 py-2 dark:border-zinc-800">
              <a href={seriesHref(r.project, r.headMsgid)} className="font-medium hover:underline">
                {r.title || "(no subject)"}
              </a>{" "}
              {r.lost ? <LostBadge lost={{ reason: r.lost.reason, days: r.lost.days }} /> : null}
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {r.project} · v{r.version} · {r.total} patches · {r.author.name || r.author.email} · waiting{" "}
                {r.days} days (posted <RelativeDate date={r.date} now={now} />) · as {r.role}
                {r.sections.length > 0 ? ` of ${r.sections.join(", ")}` : ""}
                {r.status ? ` (${r.status})` : ""}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {page?.next ? (
        <p className="mt-3 text-sm">
          <a href={nextHref(page.next)} rel="next">
            Newer →
          </a>
        </p>
      ) : null}
    </section>
  );
}
