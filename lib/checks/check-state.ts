/** The states of patchwork's checks API, which external CI reports (test_result.state). */
export const CHECK_STATES = ["pending", "success", "warning", "fail"] as const;
export type CheckState = (typeof CHECK_STATES)[number];
