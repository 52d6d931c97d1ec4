import type { Db } from "../db/client";
import { getVersionPatches, type VersionPatches } from "../db/series/get-version-patches";
import { interdiff, type InterdiffPair } from "../diff/interdiff";

export interface InterdiffPageView {
  older: VersionPatches;
  newer: VersionPatches;
  pairs: InterdiffPair[];
  /** How many pairs differ. */
  changed: number;
}

/**
 * What changed between two versions of a series, patch by patch, read from the older to the
 * newer whichever the link came from; null when either is not a series of the project.
 */
export async function loadInterdiffPage(
  db: Db,
  project: string,
  here: string,
  there: string,
): Promise<InterdiffPageView | null> {
  const versions = await getVersionPatches(db, project, [here, there]);
  const a = versions.find((v) => v.headMsgid === here);
  const b = versions.find((v) => v.headMsgid === there);
  if (!a || !b) return null;
  const older = a.version < b.version || (a.version === b.version && (a.date ?? 0) < (b.date ?? 0)) ? a : b;
  const newer = older === a ? b : a;
  const pairs = interdiff(older.patches, newer.patches);
  return { older, newer, pairs, changed: pairs.filter((p) => p.status !== "unchanged").length };
}
