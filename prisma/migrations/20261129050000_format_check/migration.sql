-- The format-check robot's mailbox (projects.json `formatCheck`): mail first-time
-- contributors send to be checked and answered privately. It has a table of its own
-- rather than raw_message: everything in raw_message is parsed, routed and assembled into
-- the project's series (and again by `reprocess`), and its sha256 key would make a
-- series sent both here and to the list one row; here nothing is routed, so nothing from
-- this mailbox can become a series. Raw bytes are committed first (gzip), as for the list.
CREATE TABLE "format_check_mail" (
    "id" BIGSERIAL NOT NULL,
    "project" TEXT NOT NULL,
    "sha256" BYTEA NOT NULL,
    "msgid" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "source" TEXT,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- received (waiting for the rest of its series), answered, ignored (a robot, no
    -- patch), rate-limited, failed (the check itself failed: see error)
    "state" TEXT NOT NULL DEFAULT 'received',
    "sender" TEXT,
    -- head Message-ID and version of the series the mail was checked with
    "series_key" TEXT,
    "error" TEXT,
    -- the findings, as JSON, on every mail of the series
    "report" JSONB,
    "reply_message_id" TEXT,
    "checked_at" TIMESTAMP(3),
    CONSTRAINT "format_check_mail_pkey" PRIMARY KEY ("id")
);
-- The same bytes read twice (a crash between commit and position) are stored once.
CREATE UNIQUE INDEX "format_check_mail_project_sha256_key" ON "format_check_mail"("project", "sha256");
CREATE INDEX "format_check_mail_project_state_idx" ON "format_check_mail"("project", "state");
-- Replies per sender in the last hour (the rate limit).
CREATE INDEX "format_check_mail_sender_checked_at_idx" ON "format_check_mail"("sender", "checked_at");
