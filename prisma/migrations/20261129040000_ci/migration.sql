-- CI: testers that claim test jobs, the jobs and their logs, results of tests and
-- external checks, the robot's email replies, and GitLab pipelines.

-- A tester agent (`patchwatch tester`). Only a SHA-256 of its token is kept.
CREATE TABLE "tester" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "projects" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),
    "last_seen_at" TIMESTAMP(3),
    CONSTRAINT "tester_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "tester_name_key" ON "tester"("name");
CREATE UNIQUE INDEX "tester_token_hash_key" ON "tester"("token_hash");

-- One configured test of one commit: an applied series (series_id set) or the branch
-- head (series_id NULL), so a series failure the head shares is told apart.
CREATE TABLE "test_job" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "series_id" BIGINT,
    "apply_result_id" BIGINT,
    "test_name" TEXT NOT NULL,
    "commit" TEXT NOT NULL,
    "base_commit" TEXT,
    "ref" TEXT NOT NULL,
    "capabilities" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "state" TEXT NOT NULL DEFAULT 'queued',
    "tester_id" INTEGER,
    "lease_expires_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "duration_ms" INTEGER,
    "summary" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "test_job_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "test_job_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "test_job_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "test_job_apply_result_id_fkey" FOREIGN KEY ("apply_result_id") REFERENCES "apply_result"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "test_job_tester_id_fkey" FOREIGN KEY ("tester_id") REFERENCES "tester"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
-- A commit is tested once per test, for a series and for the head alike.
CREATE UNIQUE INDEX "test_job_series_test_commit_key" ON "test_job"("series_id", "test_name", "commit") WHERE "series_id" IS NOT NULL;
CREATE UNIQUE INDEX "test_job_head_test_commit_key" ON "test_job"("project_id", "test_name", "commit") WHERE "series_id" IS NULL;
-- Claims look for queued jobs and expired leases, oldest first.
CREATE INDEX "test_job_claim_idx" ON "test_job"("state", "created_at", "id");
CREATE INDEX "test_job_series_id_idx" ON "test_job"("series_id");

-- A test job's output: the first and last bytes when it was larger than the cap.
CREATE TABLE "test_log" (
    "job_id" BIGINT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "test_log_pkey" PRIMARY KEY ("job_id"),
    CONSTRAINT "test_log_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "test_job"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- test_result holds one row per report of a test or an external check (context),
-- for a series or one of its patches; the latest row of a context is its state.
ALTER TABLE "test_result"
  ADD COLUMN "patch_id" BIGINT,
  ADD COLUMN "job_id" BIGINT,
  ADD COLUMN "source" TEXT,
  ADD COLUMN "duration_ms" INTEGER,
  ADD COLUMN "base_state" TEXT;
ALTER TABLE "test_result" ADD CONSTRAINT "test_result_patch_id_fkey" FOREIGN KEY ("patch_id") REFERENCES "patch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "test_result" ADD CONSTRAINT "test_result_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "test_job"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "test_result_series_latest_idx" ON "test_result"("series_id", "context", "created_at" DESC, "id" DESC);

-- An email the robot composed: sent, stored only (dry run) or held back, with why.
-- dedupe_key makes "one reply per series revision per test" a constraint.
CREATE TABLE "robot_mail" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER,
    "series_id" BIGINT,
    "kind" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "in_reply_to" TEXT,
    "to_addrs" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "cc_addrs" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "subject" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    CONSTRAINT "robot_mail_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "robot_mail_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "robot_mail_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "robot_mail_dedupe_key_key" ON "robot_mail"("dedupe_key");
CREATE UNIQUE INDEX "robot_mail_message_id_key" ON "robot_mail"("message_id");
CREATE INDEX "robot_mail_series_id_idx" ON "robot_mail"("series_id");
-- The rate limit counts a recipient's recent mails.
CREATE INDEX "robot_mail_recipients_idx" ON "robot_mail" USING GIN ("to_addrs");
CREATE INDEX "robot_mail_created_at_idx" ON "robot_mail"("created_at");

-- A GitLab pipeline run on a pushed patchwatch/ tag.
CREATE TABLE "gitlab_pipeline" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "series_id" BIGINT,
    "pipeline_id" BIGINT NOT NULL,
    "ref" TEXT NOT NULL,
    "sha" TEXT,
    "status" TEXT NOT NULL,
    "web_url" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "gitlab_pipeline_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "gitlab_pipeline_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "gitlab_pipeline_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "gitlab_pipeline_project_pipeline_key" ON "gitlab_pipeline"("project_id", "pipeline_id");
CREATE INDEX "gitlab_pipeline_series_id_idx" ON "gitlab_pipeline"("series_id");
