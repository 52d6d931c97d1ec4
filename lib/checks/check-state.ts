/**
 * The states of a check: patchwork's checks API's four (pending, success, warning, fail),
 * which external CI reports, plus error for a test that could not run. This is the
 * vocabulary of test_result.state and test_result.base_state (constraint
 * test_result_state_check, migration 20261201000000_state_checks).
 */
export const CHECK_STATES = ["pending", "success", "warning", "fail", "error"] as const;
export type CheckState = (typeof CHECK_STATES)[number];

/** The states the checks API accepts from external CI: error is a tester's own. */
export const REPORTABLE_CHECK_STATES = ["pending", "success", "warning", "fail"] as const;
export type ReportableCheckState = (typeof REPORTABLE_CHECK_STATES)[number];

/** Words CI systems use for the same states. */
const STATE_OF: Record<string, CheckState> = {
  pending: "pending",
  queued: "pending",
  running: "pending",
  success: "success",
  passed: "success",
  pass: "success",
  warning: "warning",
  fail: "fail",
  failed: "fail",
  failure: "fail",
  error: "error",
};

/** The state a reported word stands for; any other word is a warning, never a pass. */
export function checkState(reported: string): CheckState {
  return STATE_OF[reported.trim().toLowerCase()] ?? "warning";
}

/**
 * "Fails on master too": the series fails a test that the commit it was applied on fails
 * as well, so the failure is not the series' doing (and is not mailed to its author).
 */
export function failsOnMasterToo(state: string, baseState: string | null): boolean {
  return baseState !== null && checkState(state) === "fail" && checkState(baseState) === "fail";
}
