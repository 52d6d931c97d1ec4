import { type Db, prisma } from "../client";

/** A series' latest apply result, when it is `failed` (what lib/notify's ApplyFailure reads). */
export interface ApplyFailureRow {
  seriesId: bigint;
  headMsgid: string;
  version: number;
  patchMsgids: string[];
  failedPatch: number | null;
  conflicts: string[];
  baseKind: string | null;
  baseCommit: string | null;
  baseReason: string | null;
  /** git's output, or why the series was refused before git saw it. */
  log: string | null;
}

/**
 * Open series of these projects whose latest apply result is `failed` and was written
 * since `since`: the failures that may still need a mail (the dedupe key decides). The
 * latest result of a series within the window is its latest overall.
 */
export async function findApplyFailures(
  db: Db,
  projectIds: number[],
  since: Date,
): Promise<ApplyFailureRow[]> {
  if (projectIds.length === 0) return [];
  const rows = await prisma(db).$queryRaw<
    {
      series_id: bigint;
      head_msgid: string;
      version: number;
      patch_msgids: string[];
      failed_patch: number | null;
      conflicts: string[];
      base_kind: string | null;
      base_commit: string | null;
      base_reason: string | null;
      log: string | null;
    }[]
  >`
    SELECT s.id AS series_id, s.head_msgid, s.version, ar.patch_msgids, ar.failed_patch, ar.conflicts, ar.base_kind,
           ar.base_commit, ar.base_reason, ar.log
      FROM (SELECT DISTINCT ON (a.series_id) a.* FROM apply_result a
             WHERE a.created_at >= ${since}
             ORDER BY a.series_id, a.created_at DESC, a.id DESC) ar
      JOIN series s ON s.id = ar.series_id
     WHERE s.project_id = ANY(${projectIds}::int[])
       AND s.obsoleted_by IS NULL AND s.merged_at IS NULL AND ar.status = 'failed'
     ORDER BY ar.created_at, s.id`;
  return rows.map((r) => ({
    seriesId: r.series_id,
    headMsgid: r.head_msgid,
    version: r.version,
    patchMsgids: r.patch_msgids,
    failedPatch: r.failed_patch,
    conflicts: r.conflicts,
    baseKind: r.base_kind,
    baseCommit: r.base_commit,
    baseReason: r.base_reason,
    log: r.log,
  }));
}
