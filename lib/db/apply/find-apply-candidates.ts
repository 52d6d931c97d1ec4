import type { ApplyCandidate, ApplyStatus } from "../../apply/types";
import { type Db, prisma } from "../client";
import { latestApplyColumns, latestApplyLateral, toLatestApply } from "./latest-apply-sql";

/**
 * The series the applier considers, oldest first: complete, current (not obsolete, not
 * merged) patch series of the given projects, with what they are made of, their latest
 * apply result, and the state of the series their `Based-on:` names. Optionally only
 * those active since `activeSince`. What to do with each is lib/apply/plan-apply.ts's call.
 */
export async function findApplyCandidates(
  db: Db,
  projectIds: readonly number[],
  options: { activeSince?: Date | null } = {},
): Promise<ApplyCandidate[]> {
  const rows = await prisma(db).$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT s.id, p.name AS project, s.head_msgid, s.version, s.base_commit, s.based_on[1] AS based_on,
            pa.msgids, pa.largest, pa.total_bytes, ${latestApplyColumns("lr", "r")},
            t.head_msgid AS target_head, tr.status AS target_status, tr.head_commit AS target_head_commit
       FROM series s
       JOIN project p ON p.id = s.project_id
       CROSS JOIN LATERAL (
         SELECT array_agg(m.msgid ORDER BY pt.index) AS msgids, max(rm.size) AS largest,
                sum(rm.size)::bigint AS total_bytes
           FROM patch pt JOIN message m ON m.id = pt.message_id JOIN raw_message rm ON rm.id = m.raw_id
          WHERE pt.series_id = s.id) pa
       LEFT JOIN LATERAL (${latestApplyLateral("s.id")}) lr ON true
       LEFT JOIN LATERAL (${basedOnTargetSql("s.project_id", "s.based_on[1]")}) t ON s.based_on[1] IS NOT NULL
       LEFT JOIN LATERAL (${latestApplyLateral("t.id")}) tr ON t.id IS NOT NULL
      WHERE s.project_id = ANY($1::int[]) AND s.complete AND NOT s.is_pull
        AND s.obsoleted_by IS NULL AND s.merged_at IS NULL AND pa.msgids IS NOT NULL
        AND ($2::timestamp IS NULL OR coalesce(s.last_activity, s.date) >= $2::timestamp)
      ORDER BY s.date ASC NULLS LAST, s.id ASC`,
    projectIds,
    options.activeSince ?? null,
  );
  return rows.map((r) => ({
    seriesId: BigInt(r.id as bigint),
    project: r.project as string,
    headMsgid: r.head_msgid as string,
    version: r.version as number,
    baseCommit: r.base_commit as string | null,
    basedOn: r.based_on as string | null,
    basedOnTarget: r.target_head
      ? {
          headMsgid: r.target_head as string,
          latest: r.target_status
            ? { status: r.target_status as ApplyStatus, headCommit: r.target_head_commit as string | null }
            : null,
        }
      : null,
    patchMsgids: r.msgids as string[],
    largestPatchBytes: Number(r.largest ?? 0),
    totalPatchBytes: Number(r.total_bytes ?? 0),
    latest: toLatestApply(r, "r"),
  }));
}

/**
 * The series a `Based-on:` Message-ID names in a project: the series with that head, or
 * else the series holding that message (a Based-on may name any patch of the series).
 */
export function basedOnTargetSql(projectId: string, msgid: string): string {
  return `SELECT x.id, x.head_msgid FROM (
            SELECT b.id, b.head_msgid, 0 AS rank FROM series b WHERE b.project_id = ${projectId} AND b.head_msgid = ${msgid}
            UNION ALL
            SELECT b.id, b.head_msgid, 1 FROM project_message pm
              JOIN message bm ON bm.id = pm.message_id JOIN series b ON b.id = pm.series_id
             WHERE pm.project_id = ${projectId} AND bm.msgid = ${msgid} AND pm.role IN ('cover', 'patch')
          ) x ORDER BY x.rank LIMIT 1`;
}
