import type { CheckState } from "../../checks/check-state";
import { checkStateOfJob, type JobOutcome } from "../../checks/test-job-state";
import { logHref } from "../../routes";
import { type Db, type Prisma, prisma } from "../client";
import { lockLeasedJob, TX_OPTIONS, type LeasedJob } from "./leased-job";
import type { AuthenticatedTester } from "./testers";

/**
 * The tester's verdict. The job is finished; a series job also gets its result row (context
 * = the test's name, the log page as URL) with base_state, the state of the same test on
 * the commit the series was applied on when that head job has finished. A head job fills
 * base_state in for the results of series applied on its commit. Both orders meet on the
 * head job's row lock (lockLeasedJob, and FOR UPDATE below), so neither misses the other.
 */
export async function finishTestJob(
  db: Db,
  input: {
    jobId: bigint;
    tester: AuthenticatedTester;
    outcome: JobOutcome;
    /** The check state the outcome is recorded as. */
    state: CheckState;
    durationMs: number;
    summary: string | null;
    now: Date;
  },
): Promise<{ state: JobOutcome }> {
  return prisma(db).$transaction(async (tx) => {
    const job = await lockLeasedJob(tx, input.jobId, input.tester);
    const { state, summary } = input;
    await tx.testJob.update({
      where: { id: job.id },
      data: {
        state: input.outcome,
        finishedAt: input.now,
        durationMs: input.durationMs,
        summary,
        leaseExpiresAt: null,
        updatedAt: input.now,
      },
    });
    await tx.tester.update({ where: { id: input.tester.id }, data: { lastSeenAt: input.now } });
    if (job.seriesId === null) await fillBaseStates(tx, job, state);
    else
      await tx.testResult.create({
        data: {
          seriesId: job.seriesId,
          jobId: job.id,
          context: job.testName,
          state,
          url: logHref(job.id),
          description: summary,
          source: `tester:${input.tester.name}`,
          durationMs: input.durationMs,
          baseState: await baseStateOf(tx, job),
          createdAt: input.now,
        },
      });
    return { state: input.outcome };
  }, TX_OPTIONS);
}

/** The finished state of the head job of the same test on the series' base commit, if any. */
async function baseStateOf(tx: Prisma.TransactionClient, job: LeasedJob): Promise<CheckState | null> {
  if (!job.baseCommit) return null;
  const [head] = await tx.$queryRaw<{ state: string }[]>`
    SELECT state FROM test_job
     WHERE series_id IS NULL AND project_id = ${job.projectId} AND test_name = ${job.testName}
       AND "commit" = ${job.baseCommit}
       FOR UPDATE`;
  return head ? checkStateOfJob(head.state) : null;
}

async function fillBaseStates(
  tx: Prisma.TransactionClient,
  head: LeasedJob,
  state: CheckState,
): Promise<void> {
  await tx.$executeRaw`
    UPDATE test_result r SET base_state = ${state}
      FROM test_job j
     WHERE r.job_id = j.id AND j.series_id IS NOT NULL AND j.project_id = ${head.projectId}
       AND j.test_name = ${head.testName} AND j.base_commit = ${head.commit}`;
}
