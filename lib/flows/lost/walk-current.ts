import type { Db } from "../../db/client";
import { lostCandidates, type LostCandidate } from "../../db/lost/lost-candidates";
import { decodePosition, encodePosition } from "../../db/lost/series-position";

/**
 * Walks a project's current series newest posting first, in batches, keeping those `keep`
 * returns a value for, until `limit` are kept: one keyset page (and whether there is more).
 */
export async function walkCurrentSeries<T>(
  db: Db,
  options: {
    projectId: number;
    postedBefore: Date;
    after?: string;
    limit: number;
    /** Only the orphaned series (lost-candidates.ts). */
    which?: "all" | "orphaned";
    keep: (candidate: LostCandidate) => T | null;
  },
): Promise<{ kept: { candidate: LostCandidate; value: T }[]; next: string | null; examined: number }> {
  let position = options.after ? decodePosition(options.after) : null;
  const kept: { candidate: LostCandidate; value: T }[] = [];
  let examined = 0;
  let exhausted = false;
  // Lost series are dense among old current series; a batch a little over the page fills it.
  const batch = Math.max(100, options.limit * 2);
  while (kept.length <= options.limit && !exhausted) {
    const candidates = await lostCandidates(
      db,
      options.projectId,
      options.postedBefore,
      position,
      batch,
      options.which,
    );
    exhausted = candidates.length < batch;
    for (const candidate of candidates) {
      examined++;
      position = { date: candidate.facts.date!, id: candidate.id };
      const value = options.keep(candidate);
      if (value !== null) kept.push({ candidate, value });
      if (kept.length > options.limit) break;
    }
  }
  const page = kept.slice(0, options.limit);
  const last = page.at(-1);
  const next =
    kept.length > options.limit && last
      ? encodePosition({ date: last.candidate.facts.date!, id: last.candidate.id })
      : null;
  return { kept: page, next, examined };
}
