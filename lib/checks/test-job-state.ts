import type { CheckState } from "./check-state";

/**
 * A test job waits (queued), runs on a tester (running), and ends as the tester reports
 * it: passed, failed or error. This is the vocabulary of test_job.state (constraint
 * test_job_state_check, migration 20261201000000_state_checks).
 */
export const TEST_JOB_STATES = ["queued", "running", "passed", "failed", "error"] as const;
export type TestJobState = (typeof TEST_JOB_STATES)[number];

/** What a tester reports at the end of a job. */
export const JOB_OUTCOMES = ["passed", "failed", "error"] as const satisfies readonly TestJobState[];
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

const CHECK_STATE_OF: Record<JobOutcome, CheckState> = {
  passed: "success",
  failed: "fail",
  error: "error",
};

/** The check state a job's outcome is recorded as in test_result. */
export function checkStateOf(outcome: JobOutcome): CheckState {
  return CHECK_STATE_OF[outcome];
}

/** The check state of a job's final state, or null while it is queued or running. */
export function checkStateOfJob(state: string): CheckState | null {
  return (JOB_OUTCOMES as readonly string[]).includes(state) ? checkStateOf(state as JobOutcome) : null;
}
