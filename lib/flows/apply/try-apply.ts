import fs from "node:fs";

import type { TryOutcome } from "../../apply/decide-outcome";
import {
  amTimeoutMs,
  checkSeriesSize,
  clipLog,
  DEFAULT_SIZE_LIMITS,
  type SizeLimits,
} from "../../apply/limits";
import { checkPatchPaths } from "../../apply/patch-paths";
import type { ApplyPaths } from "../../apply/paths";
import type { ApplyCandidate } from "../../apply/types";
import { seriesPatchMails } from "../../db/apply/series-patch-mails";
import type { Db } from "../../db/client";
import { amInWorktree } from "../../git/am-in-worktree";
import { GitError } from "../../git/errors";
import { getSeriesMboxOf } from "../../db/series/get-series-mbox";
import { amMessage } from "../../mbox/series-mbox";
import { formatMboxrdEntry } from "../../mbox/write-mboxrd";

/** Patch mails read at once: 16 small ones, fewer large ones (a few tens of MiB in memory at most). */
function readBatch(largestPatchBytes: number): number {
  return Math.max(1, Math.min(16, Math.floor((32 * 1024 * 1024) / Math.max(1, largestPatchBytes))));
}

/**
 * Writes the series as an mboxrd file, refusing it (before git sees any of it) when it is
 * too large or a patch touches a path outside the tree; then `git am --3way` on `base`.
 * Each patch is written as the mbox download gives it (lib/mbox/series-mbox.ts: the
 * author the list's rewriting hid, the review trailers collected so far), so that the
 * tag holds the commits `curl …/mbox | git am` makes.
 */
export async function tryApply(
  db: Db,
  paths: ApplyPaths,
  c: ApplyCandidate,
  base: string,
  limits: SizeLimits = DEFAULT_SIZE_LIMITS,
): Promise<TryOutcome> {
  const tooLarge = checkSeriesSize(
    {
      patches: c.patchMsgids.length,
      largestPatchBytes: c.largestPatchBytes,
      totalPatchBytes: c.totalPatchBytes,
    },
    limits,
  );
  if (tooLarge) return { ok: false, refused: tooLarge, failedPatch: null };
  fs.mkdirSync(paths.worktrees, { recursive: true });
  const indexes: number[] = [];
  const amParts = new Map((await getSeriesMboxOf(db, c.seriesId))?.patches.map((p) => [p.index, p]));
  const file = fs.openSync(paths.mbox, "w");
  try {
    for await (const mail of seriesPatchMails(db, c.seriesId, readBatch(c.largestPatchBytes))) {
      const check = checkPatchPaths(mail.diff ?? "");
      if (!check.ok)
        return { ok: false, refused: `patch ${mail.index}: ${check.message}`, failedPatch: mail.index };
      const parts = amParts.get(mail.index);
      const raw = parts ? amMessage({ ...parts, raw: mail.raw }).raw : mail.raw;
      fs.writeSync(file, formatMboxrdEntry(raw));
      indexes.push(mail.index);
    }
  } finally {
    fs.closeSync(file);
  }
  try {
    const am = await amInWorktree(paths.mirror, paths.worktree, paths.mbox, {
      base,
      timeoutMs: amTimeoutMs(indexes.length),
    });
    if (am.ok) return am;
    return {
      ok: false,
      failedPatch: am.failedPatch === null ? null : (indexes[am.failedPatch - 1] ?? am.failedPatch),
      conflicts: am.conflicts,
      log: clipLog(am.output),
      alreadyApplied: am.alreadyApplied,
    };
  } catch (error) {
    // git itself failing (a timeout, a flood of output, a base it cannot check out) is this series' result.
    if (!(error instanceof GitError)) throw error;
    return {
      ok: false,
      failedPatch: null,
      conflicts: [],
      log: clipLog(error.message),
      alreadyApplied: false,
    };
  } finally {
    fs.rmSync(paths.mbox, { force: true });
  }
}
