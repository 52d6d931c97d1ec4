-- Every state, status, kind and reason column takes only the words the code writes. CHECK
-- constraints rather than enum types, as raw SQL in lib/db writes these columns as text.
-- The allowed words are defined once in TypeScript, beside the domain that owns them:
--   test_result.state, base_state  lib/checks/check-state.ts     CHECK_STATES
--   test_job.state                 lib/checks/test-job-state.ts  TEST_JOB_STATES
--   apply_result.status, base_kind lib/apply/types.ts            APPLY_STATUSES, BASE_KINDS
--   robot_mail.status              lib/db/notify/robot-mail-status.ts ROBOT_MAIL_STATUSES
--   robot_mail.kind                lib/notify/robot-mail-kind.ts ROBOT_MAIL_KINDS
--   format_check_mail.state        lib/format-check/mail-state.ts
--   revision_link.reason           lib/series/types.ts           REVISION_LINK_REASONS
--   patch.merged_how               lib/series/merge-match.ts     MERGE_METHODS
--   series_responsible.role        lib/maintainers/types.ts      MAINTAINER_ROLES
-- Rows written before the constraints hold only these words; a word from elsewhere (a hand
-- edit, an older tool) is first mapped to what the pages already read it as.

-- Results: the words CI systems use are read as the check state they stand for
-- (lib/checks checkState), any other word as a warning, never a pass.
UPDATE "test_result" SET "state" = CASE lower(btrim("state"))
    WHEN 'queued' THEN 'pending' WHEN 'running' THEN 'pending'
    WHEN 'passed' THEN 'success' WHEN 'pass' THEN 'success'
    WHEN 'failed' THEN 'fail' WHEN 'failure' THEN 'fail'
    WHEN 'pending' THEN 'pending' WHEN 'success' THEN 'success' WHEN 'warning' THEN 'warning'
    WHEN 'fail' THEN 'fail' WHEN 'error' THEN 'error'
    ELSE 'warning' END
  WHERE "state" NOT IN ('pending', 'success', 'warning', 'fail', 'error');
UPDATE "test_result" SET "base_state" = CASE lower(btrim("base_state"))
    WHEN 'queued' THEN 'pending' WHEN 'running' THEN 'pending'
    WHEN 'passed' THEN 'success' WHEN 'pass' THEN 'success'
    WHEN 'failed' THEN 'fail' WHEN 'failure' THEN 'fail'
    WHEN 'pending' THEN 'pending' WHEN 'success' THEN 'success' WHEN 'warning' THEN 'warning'
    WHEN 'fail' THEN 'fail' WHEN 'error' THEN 'error'
    ELSE 'warning' END
  WHERE "base_state" NOT IN ('pending', 'success', 'warning', 'fail', 'error');
ALTER TABLE "test_result" ADD CONSTRAINT "test_result_state_check"
  CHECK ("state" IN ('pending', 'success', 'warning', 'fail', 'error'));
ALTER TABLE "test_result" ADD CONSTRAINT "test_result_base_state_check"
  CHECK ("base_state" IN ('pending', 'success', 'warning', 'fail', 'error'));

-- A job in a state nobody writes is claimed by no tester and never finishes: it ended.
UPDATE "test_job" SET "state" = 'error'
  WHERE "state" NOT IN ('queued', 'running', 'passed', 'failed', 'error');
ALTER TABLE "test_job" ADD CONSTRAINT "test_job_state_check"
  CHECK ("state" IN ('queued', 'running', 'passed', 'failed', 'error'));

-- Anything but applied (or needs-rebase) is read as not applied.
UPDATE "apply_result" SET "status" = 'failed'
  WHERE "status" NOT IN ('applied', 'failed', 'pending', 'needs-rebase');
UPDATE "apply_result" SET "base_kind" = NULL
  WHERE "base_kind" NOT IN ('base-commit', 'based-on', 'branch-head');
ALTER TABLE "apply_result" ADD CONSTRAINT "apply_result_status_check"
  CHECK ("status" IN ('applied', 'failed', 'pending', 'needs-rebase'));
ALTER TABLE "apply_result" ADD CONSTRAINT "apply_result_base_kind_check"
  CHECK ("base_kind" IN ('base-commit', 'based-on', 'branch-head'));

-- A mail that was not sent, nor is on its way, and that nobody held back on purpose.
UPDATE "robot_mail" SET "status" = CASE "status" WHEN 'duplicate' THEN 'suppressed' ELSE 'error' END
  WHERE "status" NOT IN ('queued', 'sending', 'sent', 'dry-run', 'suppressed', 'error');
ALTER TABLE "robot_mail" ADD CONSTRAINT "robot_mail_status_check"
  CHECK ("status" IN ('queued', 'sending', 'sent', 'dry-run', 'suppressed', 'error'));
ALTER TABLE "robot_mail" ADD CONSTRAINT "robot_mail_kind_check"
  CHECK ("kind" IN ('apply-failed', 'test-failed', 'format-check', 'digest'));

-- A mail in a state the checker does not know is neither waiting nor answered.
UPDATE "format_check_mail" SET "state" = 'failed'
  WHERE "state" NOT IN ('received', 'answered', 'ignored', 'rate-limited', 'failed');
ALTER TABLE "format_check_mail" ADD CONSTRAINT "format_check_mail_state_check"
  CHECK ("state" IN ('received', 'answered', 'ignored', 'rate-limited', 'failed'));

-- revision_link, robot_mail.kind and series_responsible.role were only ever written from
-- these words (their TypeScript unions have not changed since the tables came), so they
-- need no mapping.
ALTER TABLE "revision_link" ADD CONSTRAINT "revision_link_reason_check"
  CHECK ("reason" IN ('same-author-and-subject', 'supersedes', 'change-id', 'reply-to-previous',
                      'previous-version-link'));

-- A match of unknown method is read as a patch-id match (lib/db/merged/patch-matches.ts).
UPDATE "patch" SET "merged_how" = 'patch-id'
  WHERE "merged_how" NOT IN ('patch-id', 'message-id', 'subject');
ALTER TABLE "patch" ADD CONSTRAINT "patch_merged_how_check"
  CHECK ("merged_how" IN ('patch-id', 'message-id', 'subject'));

ALTER TABLE "series_responsible" ADD CONSTRAINT "series_responsible_role_check"
  CHECK ("role" IN ('maintainer', 'reviewer', 'list'));
