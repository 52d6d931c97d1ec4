/**
 * A tester reports passed, failed or error; results of tests and external checks share
 * one vocabulary in test_result (patchwork's checks: pending, success, warning, fail, plus
 * error for a test that could not run).
 */
export type JobOutcome = "passed" | "failed" | "error";
export type CheckState = "pending" | "success" | "warning" | "fail" | "error";

export const JOB_OUTCOMES: readonly JobOutcome[] = ["passed", "failed", "error"];

const CHECK_STATE_OF: Record<JobOutcome, CheckState> = {
  passed: "success",
  failed: "fail",
  error: "error",
};

export function checkStateOf(outcome: JobOutcome): CheckState {
  return CHECK_STATE_OF[outcome];
}

/** The check state of a job's final state, or null while it is queued or running. */
export function checkStateOfJob(state: string): CheckState | null {
  return (JOB_OUTCOMES as readonly string[]).includes(state) ? checkStateOf(state as JobOutcome) : null;
}

/**
 * "Fails on master too": the series fails a test that the commit it was applied on fails
 * as well, so the failure is not the series' doing (and is not mailed to its author).
 */
export function failsOnBaseToo(result: { state: string; baseState: string | null }): boolean {
  return result.state === "fail" && result.baseState === "fail";
}

/** Where a job's log is shown (the log viewer page). */
export function testLogPath(jobId: bigint | string): string {
  return `/logs/${jobId}`;
}
