import type { ClaimableTest } from "../../ci/claimable-tests";
import { leaseExpiry } from "../../ci/lease";
import { type Db, prisma } from "../client";
import { TX_OPTIONS } from "./leased-job";
import type { AuthenticatedTester } from "./testers";

/** A job as the tester gets it: what to fetch and test, and on which series. */
export interface ClaimedJob {
  id: bigint;
  project: string;
  test: string;
  commit: string;
  /** The commit the series was applied on (a script tests `baseCommit..commit`); null for a branch job. */
  baseCommit: string | null;
  ref: string;
  attempts: number;
  leaseExpiresAt: Date;
  series: { headMsgid: string; title: string; version: number } | null;
  /** Where the series' tag was published (apply_result), for the fetch URL; null for a branch job. */
  apply: { tag: string | null; fetchUrl: string | null; publishProject: string | null } | null;
}

/**
 * Gives the oldest job among `tests` that waits (queued, or running with a lease that ran
 * out) to `tester`, leased for `leaseSeconds`. `FOR UPDATE SKIP LOCKED` lets any number of
 * testers claim at once, each getting a different job and none waiting for another's lock.
 * A job taken over from a tester that went silent starts a fresh log.
 */
export async function claimTestJob(
  db: Db,
  input: { tester: AuthenticatedTester; tests: readonly ClaimableTest[]; now: Date; leaseSeconds: number },
): Promise<ClaimedJob | null> {
  if (input.tests.length === 0) return null;
  const { tester, now } = input;
  const expires = leaseExpiry(now, input.leaseSeconds);
  const projects = input.tests.map((t) => t.project);
  const tests = input.tests.map((t) => t.test);
  const id = await prisma(db).$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: bigint }[]>`
      WITH wanted AS (
        SELECT p.id AS project_id, w.test
          FROM unnest(${projects}::text[], ${tests}::text[]) AS w(project, test)
          JOIN project p ON p.name = w.project
      ), candidate AS (
        SELECT j.id FROM test_job j
          JOIN wanted ON wanted.project_id = j.project_id AND wanted.test = j.test_name
         WHERE j.state = 'queued' OR (j.state = 'running' AND j.lease_expires_at < ${now})
         ORDER BY j.created_at, j.id
         LIMIT 1
           FOR UPDATE OF j SKIP LOCKED
      )
      UPDATE test_job j
         SET state = 'running', tester_id = ${tester.id}, lease_expires_at = ${expires},
             attempts = j.attempts + 1, claimed_by = array_append(j.claimed_by, ${tester.id}::int),
             started_at = ${now}, finished_at = NULL, updated_at = ${now}
        FROM candidate WHERE j.id = candidate.id
      RETURNING j.id`;
    await tx.tester.update({ where: { id: tester.id }, data: { lastSeenAt: now } });
    const jobId = claimed[0]?.id;
    if (jobId !== undefined) await tx.testLog.deleteMany({ where: { jobId } });
    return jobId ?? null;
  }, TX_OPTIONS);
  if (id === null) return null;
  const job = await prisma(db).testJob.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      testName: true,
      commit: true,
      baseCommit: true,
      ref: true,
      attempts: true,
      leaseExpiresAt: true,
      project: { select: { name: true } },
      series: { select: { headMsgid: true, title: true, version: true } },
      applyResult: { select: { tag: true, fetchUrl: true, publishProject: true } },
    },
  });
  return {
    id: job.id,
    project: job.project.name,
    test: job.testName,
    commit: job.commit,
    baseCommit: job.baseCommit,
    ref: job.ref,
    attempts: job.attempts,
    leaseExpiresAt: job.leaseExpiresAt ?? expires,
    series: job.series,
    apply: job.applyResult,
  };
}
