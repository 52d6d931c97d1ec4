/**
 * A robot mail's row (robot_mail.status) is stored `queued` before anything is decided,
 * then `sending` once the rate limit let it go, and ends `sent`, `dry-run` (composed, not
 * sent), `suppressed` (held back; the reason says why) or `error` (constraint
 * robot_mail_status_check, migration 20261129090000_state_checks).
 */
export const ROBOT_MAIL_STATUSES = ["queued", "sending", "sent", "dry-run", "suppressed", "error"] as const;
export type RobotMailStatus = (typeof ROBOT_MAIL_STATUSES)[number];
