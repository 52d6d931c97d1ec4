/**
 * A mail of a format-check mailbox is stored `received`; once checked with the rest of its
 * series it is `answered`, `ignored` (nothing to answer), `rate-limited` (the sender had
 * enough answers) or `failed` (constraint format_check_mail_state_check, migration 20261129090000_state_checks).
 */
export const FORMAT_CHECK_MAIL_STATES = [
  "received",
  "answered",
  "ignored",
  "rate-limited",
  "failed",
] as const;
export type FormatCheckMailState = (typeof FORMAT_CHECK_MAIL_STATES)[number];

/** What became of a checked mail. */
export type FormatCheckOutcome = Exclude<FormatCheckMailState, "received">;
