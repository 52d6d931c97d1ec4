import { isReviewKey } from "./trailers";
import type { PlannedSeries } from "./types";

/**
 * DESIGN.md: a series is reviewed when every patch has a Reviewed-by or Acked-by from
 * someone other than its author. Only a complete series can be: a missing patch has no
 * review. A cover letter alone (or a pull request with no patches present) is not.
 */
export function isReviewed(series: PlannedSeries): boolean {
  if (!series.complete || series.patches.length === 0) return false;
  const author = series.author?.email.toLowerCase() ?? null;
  return series.patches.every((p) =>
    p.trailers.some(
      (t) => isReviewKey(t.key) && t.person !== null && t.person.email.toLowerCase() !== author,
    ),
  );
}
