// Reacts to: new upstream commits indexed, or series written since the last scan (from
// detect-merged.ts). Emits: "series merged" for each series whose patches the branch took.

import type { Db } from "../../db/client";
import {
  loadMergeCandidates,
  loadSeriesPatchStates,
  recordPatchMatches,
  writeSeriesMergeStates,
  type MergeScope,
} from "../../db/merged/patch-matches";
import {
  matchPatches,
  seriesMergeState,
  type MergeHow,
  type SeriesMergeState,
} from "../../series/merge-match";

/** Matches the patches in scope and records what was found; returns the patches matched per method. */
export async function matchMerged(
  db: Db,
  scope: MergeScope,
  methods?: readonly MergeHow[],
): Promise<{ patches: Record<MergeHow, number>; series: number }> {
  const { patches, commits } = await loadMergeCandidates(db, scope);
  const found = matchPatches(patches, commits, methods);
  const seriesOf = new Map(patches.map((p) => [p.key, p.seriesId]));
  const counts: Record<MergeHow, number> = { "patch-id": 0, "message-id": 0, subject: 0 };
  for (const m of found.values()) counts[m.how]++;
  await recordPatchMatches(db, found);
  const touched = [...new Set([...found.keys()].map((k) => seriesOf.get(k)!))];
  const series = await refreshSeriesMergeState(db, touched);
  return { patches: counts, series };
}

/**
 * Recomputes merged_at, merged_commits and merge_note of the given series from their
 * patches' matches; returns how many series are (still) merged.
 */
export async function refreshSeriesMergeState(db: Db, seriesIds: readonly bigint[]): Promise<number> {
  const bySeries = await loadSeriesPatchStates(db, seriesIds);
  const states: { seriesId: bigint; state: SeriesMergeState }[] = [];
  for (const [key, patches] of bySeries) {
    const state = seriesMergeState(patches);
    if (state) states.push({ seriesId: BigInt(key), state });
  }
  await writeSeriesMergeStates(db, states);
  return states.length;
}
