import type { SeriesListRow } from "@/lib/db/series/list-series";

import { ApplyBadge } from "./apply-badge";
import { IncompleteBadge } from "./incomplete-badge";
import { LostBadge, type LostState } from "./lost-badge";
import { MergedBadge } from "./merged-badge";
import { ObsoleteBadge } from "./obsolete-badge";
import { PullBadge } from "./pull-badge";
import { ReviewedBadge } from "./reviewed-badge";
import { RfcBadge } from "./rfc-badge";
import { TestsBadge } from "./tests-badge";

/** Every state badge of a series, most decisive first; each renders nothing when it does not apply. */
export function SeriesBadges({ row, lost }: { row: SeriesListRow; lost?: LostState | null }) {
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      <MergedBadge mergedAt={row.mergedAt} />
      <ObsoleteBadge
        project={row.project}
        obsoletedBy={row.obsoletedBy}
        obsoletedByVersion={row.obsoletedByVersion}
      />
      <ReviewedBadge reviewed={row.reviewed} reviewedPatches={row.reviewedPatches} total={row.total} />
      <ApplyBadge apply={row.apply} />
      <TestsBadge tests={row.tests} />
      <LostBadge lost={lost} />
      <IncompleteBadge complete={row.complete} received={row.received} total={row.total} />
      <RfcBadge isRfc={row.isRfc} />
      <PullBadge isPull={row.isPull} />
    </span>
  );
}
