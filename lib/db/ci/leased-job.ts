import { PatchwatchError } from "../../errors";
import type { Prisma } from "../client";
import type { AuthenticatedTester } from "./testers";

/** A job as a tester's report finds it, locked for the rest of the transaction. */
export interface LeasedJob {
  id: bigint;
  projectId: number;
  project: string;
  seriesId: bigint | null;
  testName: string;
  commit: string;
  baseCommit: string | null;
}

/** Interactive transactions wait for row locks a little longer than Prisma's default 5 s. */
export const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

/**
 * Locks job `jobId` for `tester`'s report (heartbeat, log, result) and says why not when it
 * may not: 404 no such job; 403 a project the token does not allow, or a job this tester
 * never claimed; 409 a job it claimed once but lost (its lease ran out and another tester
 * took it) or that has finished. A lease that ran out but that nobody took yet still holds:
 * the tester was late, not dead.
 */
export async function lockLeasedJob(
  tx: Prisma.TransactionClient,
  jobId: bigint,
  tester: AuthenticatedTester,
): Promise<LeasedJob> {
  const rows = await tx.$queryRaw<
    (LeasedJob & { state: string; testerId: number | null; claimedBy: number[] })[]
  >`
    SELECT j.id, j.project_id AS "projectId", p.name AS project, j.series_id AS "seriesId",
           j.test_name AS "testName", j."commit", j.base_commit AS "baseCommit", j.state,
           j.tester_id AS "testerId", j.claimed_by AS "claimedBy"
      FROM test_job j JOIN project p ON p.id = j.project_id
     WHERE j.id = ${jobId}
       FOR UPDATE OF j`;
  const job = rows[0];
  if (!job) throw new PatchwatchError("not-found", `no test job ${jobId}`);
  if (tester.projects.length > 0 && !tester.projects.includes(job.project))
    throw new PatchwatchError("forbidden", `tester ${tester.name} may not report for project ${job.project}`);
  if (job.testerId === tester.id && job.state === "running")
    return {
      id: job.id,
      projectId: job.projectId,
      project: job.project,
      seriesId: job.seriesId,
      testName: job.testName,
      commit: job.commit,
      baseCommit: job.baseCommit,
    };
  if (job.claimedBy.includes(tester.id))
    throw new PatchwatchError(
      "conflict",
      job.state === "running"
        ? `the lease on test job ${jobId} ran out and another tester took it`
        : `test job ${jobId} has finished (${job.state})`,
    );
  throw new PatchwatchError("forbidden", `test job ${jobId} is not leased to tester ${tester.name}`);
}
