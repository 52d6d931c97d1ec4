/** What a robot mail is about: robot_mail.kind (constraint robot_mail_kind_check). */
export const ROBOT_MAIL_KINDS = ["apply-failed", "test-failed", "format-check", "digest"] as const;
export type RobotMailKind = (typeof ROBOT_MAIL_KINDS)[number];
