import type { ApplyStatus, BasedOnTarget } from "../../apply/types";
import { type Db, prisma } from "../client";
import { basedOnTargetSql } from "./find-apply-candidates";
import { latestApplyLateral } from "./latest-apply-sql";

/**
 * The series a `Based-on:` names, with its latest apply result as it is now (the applier
 * reads it again just before applying: the target may have been applied a moment ago).
 */
export async function findBasedOnTarget(
  db: Db,
  project: string,
  msgid: string,
): Promise<BasedOnTarget | null> {
  const [row] = await prisma(db).$queryRawUnsafe<
    { head_msgid: string; status: string | null; head_commit: string | null }[]
  >(
    `SELECT t.head_msgid, tr.status, tr.head_commit
       FROM project p
       CROSS JOIN LATERAL (${basedOnTargetSql("p.id", "$2")}) t
       LEFT JOIN LATERAL (${latestApplyLateral("t.id")}) tr ON true
      WHERE p.name = $1`,
    project,
    msgid,
  );
  if (!row) return null;
  return {
    headMsgid: row.head_msgid,
    latest: row.status ? { status: row.status as ApplyStatus, headCommit: row.head_commit } : null,
  };
}
