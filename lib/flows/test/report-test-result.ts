// Reacts to a tester's verdict on a job (POST /api/v1/tester/jobs/{id}/result); emits
// "test finished" (the series' test result, or the base state of the series applied on a
// branch commit).
import { checkStateOf, type JobOutcome } from "../../checks/test-job-state";
import { finishTestJob } from "../../db/ci/finish-test-job";
import type { AuthenticatedTester } from "../../db/ci/testers";
import type { Db } from "../../db/client";

/** A summary is a line or a paragraph for the result list; the log holds the rest. */
const MAX_SUMMARY_CHARS = 2000;

/** Finishes the job the tester holds with its outcome, recorded as the matching check state. */
export async function reportTestResult(
  db: Db,
  input: {
    tester: AuthenticatedTester;
    jobId: bigint;
    outcome: JobOutcome;
    durationMs: number;
    summary?: string;
    now: Date;
  },
): Promise<{ state: JobOutcome }> {
  return finishTestJob(db, {
    jobId: input.jobId,
    tester: input.tester,
    outcome: input.outcome,
    state: checkStateOf(input.outcome),
    durationMs: input.durationMs,
    summary: input.summary?.replaceAll("\0", "").slice(0, MAX_SUMMARY_CHARS) || null,
    now: input.now,
  });
}
