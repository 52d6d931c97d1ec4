import Link from "next/link";

import { ApplyBadge } from "@/app/_components/apply-badge";
import { Badge } from "@/app/_components/badge";
import { MergedBadge } from "@/app/_components/merged-badge";
import { ObsoleteBadge } from "@/app/_components/obsolete-badge";
import { RelativeDate } from "@/app/_components/relative-date";
import { ReviewedBadge } from "@/app/_components/reviewed-badge";
import { TestsBadge } from "@/app/_components/tests-badge";
import { projectHref } from "@/lib/routes";
import type { SeriesPage } from "@/lib/views/series/series-page";

/** Title, version, author, dates and every state badge of the series. */
export function SeriesHeader({
  s,
  tests,
  now,
}: {
  s: SeriesPage;
  tests: { passed: number; failed: number; failedOnBase: number; pending: number };
  now: Date;
}) {
  const author = s.author.name || s.author.email || "unknown author";
  return (
    <header className="space-y-1.5">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-600 dark:text-zinc-400">
        <Link href={projectHref(s.project)} className="hover:underline">
          {s.project}
        </Link>{" "}
        › series
      </nav>
      <h1 className="text-xl font-semibold break-words sm:text-2xl">{s.title || "(no subject)"}</h1>
      <p className="flex flex-wrap gap-x-3 text-sm text-zinc-700 dark:text-zinc-300">
        <span>v{s.version}</span>
        <span title={s.author.email}>{author}</span>
        <span>
          posted <RelativeDate date={s.date} now={now} />
        </span>
        <span>
          last activity <RelativeDate date={s.lastActivity} now={now} />
        </span>
        <span>
          {s.replyCount} {s.replyCount === 1 ? "reply" : "replies"}
        </span>
      </p>
      <div className="flex flex-wrap gap-1">
        {s.complete ? (
          <Badge
            tone="blue"
            label={`${s.received}/${s.total} complete`}
            explanation={`Complete: all ${s.total} patches received`}
          />
        ) : (
          <Badge
            tone="orange"
            label={`${s.received}/${s.total} incomplete`}
            explanation={`Incomplete: ${s.received} of ${s.total} patches received`}
          />
        )}
        <ReviewedBadge reviewed={s.reviewed} reviewedPatches={s.reviewedPatches} total={s.total} />
        <ObsoleteBadge
          project={s.project}
          obsoletedBy={s.obsoletedBy?.headMsgid ?? null}
          obsoletedByVersion={s.obsoletedBy?.version ?? null}
        />
        <MergedBadge mergedAt={s.mergedAt} />
        <ApplyBadge apply={s.apply} />
        <TestsBadge tests={tests} />
        {s.isRfc ? (
          <Badge tone="amber" label="RFC" explanation="Request for comments: not meant to be applied as is" />
        ) : null}
        {s.isPull ? <Badge tone="violet" label="pull" explanation="A pull request" /> : null}
      </div>
    </header>
  );
}
