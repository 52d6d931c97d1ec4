import { type Db, prisma } from "../client";
import type { TestFailureRow } from "./find-test-failures";

/** The job a failed result came from, and the apply result whose tag it tested. */
export interface TestFailureRecords {
  job: {
    ref: string;
    commit: string;
    summary: string | null;
    log: { text: string; truncated: boolean } | null;
  } | null;
  apply: {
    tag: string | null;
    fetchUrl: string | null;
    publishProject: string | null;
    headCommit: string | null;
  } | null;
}

/**
 * The records behind a failed test: the job's log, and the apply result it was made from
 * (else the series' latest applied one with a tag).
 */
export async function loadTestFailureRecords(db: Db, row: TestFailureRow): Promise<TestFailureRecords> {
  const job = row.jobId
    ? await prisma(db).testJob.findUnique({
        where: { id: row.jobId },
        select: {
          ref: true,
          commit: true,
          summary: true,
          applyResultId: true,
          log: { select: { text: true, truncated: true } },
        },
      })
    : null;
  const apply = await prisma(db).applyResult.findFirst({
    where: job?.applyResultId
      ? { id: job.applyResultId }
      : { seriesId: row.seriesId, status: "applied", tag: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { tag: true, fetchUrl: true, publishProject: true, headCommit: true },
  });
  return {
    job: job ? { ref: job.ref, commit: job.commit, summary: job.summary, log: job.log } : null,
    apply,
  };
}
