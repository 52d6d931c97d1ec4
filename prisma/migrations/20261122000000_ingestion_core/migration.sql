-- Ingestion core: raw messages, parsed messages, projects, series, patches, trailers.

CREATE TYPE "RawState" AS ENUM ('pending', 'processed', 'failed', 'duplicate');
CREATE TYPE "MessageKind" AS ENUM ('patch', 'cover', 'reply', 'pull', 'other');
CREATE TYPE "MessageRole" AS ENUM ('cover', 'patch', 'reply', 'not_a_patch', 'duplicate', 'unrouted');
CREATE TYPE "TrailerOrigin" AS ENUM ('in_patch', 'reply_to_patch', 'reply_to_cover', 'range_reply', 'carried');

CREATE TABLE "project" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "parent_id" INTEGER,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "project_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "project_name_key" ON "project"("name");

CREATE TABLE "person" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "person_email" (
    "email" TEXT NOT NULL,
    "person_id" INTEGER NOT NULL,
    CONSTRAINT "person_email_pkey" PRIMARY KEY ("email")
);
CREATE INDEX "person_email_person_id_idx" ON "person_email"("person_id");

CREATE TABLE "raw_message" (
    "id" BIGSERIAL NOT NULL,
    "sha256" BYTEA NOT NULL,
    "msgid" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "source" TEXT,
    "imported_into" TEXT,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" "RawState" NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "error_detail" TEXT,
    "processed_at" TIMESTAMP(3),
    CONSTRAINT "raw_message_pkey" PRIMARY KEY ("id")
);
-- The compressed bytes are never searched: keep them out of line and uncompressed by TOAST.
ALTER TABLE "raw_message" ALTER COLUMN "data" SET STORAGE EXTERNAL;
CREATE UNIQUE INDEX "raw_message_sha256_key" ON "raw_message"("sha256");
CREATE INDEX "raw_message_msgid_idx" ON "raw_message"("msgid");
CREATE INDEX "raw_message_state_idx" ON "raw_message"("state");

CREATE TABLE "message" (
    "id" BIGSERIAL NOT NULL,
    "msgid" TEXT NOT NULL,
    "msgid_synthesized" BOOLEAN NOT NULL DEFAULT false,
    "raw_id" BIGINT NOT NULL,
    "subject" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "prefixes" TEXT[],
    "version" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "part_index" INTEGER,
    "part_total" INTEGER,
    "from_name" TEXT NOT NULL DEFAULT '',
    "from_email" TEXT NOT NULL DEFAULT '',
    "person_id" INTEGER,
    "to" JSONB NOT NULL DEFAULT '[]',
    "cc" JSONB NOT NULL DEFAULT '[]',
    "date" TIMESTAMP(3),
    "in_reply_to" TEXT,
    "references" TEXT[],
    "list_id" TEXT,
    "auto_submitted" BOOLEAN NOT NULL DEFAULT false,
    "kind" "MessageKind" NOT NULL,
    "kind_reason" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "commit_message" TEXT,
    "diff" TEXT,
    "patch_id" TEXT,
    "diff_stat" JSONB,
    "pull_url" TEXT,
    "pull_base" TEXT,
    "trailers" JSONB NOT NULL DEFAULT '[]',
    "hints" JSONB NOT NULL DEFAULT '{}',
    "warnings" TEXT[],
    "unrouted_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "message_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "message_msgid_key" ON "message"("msgid");
CREATE UNIQUE INDEX "message_raw_id_key" ON "message"("raw_id");
CREATE INDEX "message_in_reply_to_idx" ON "message"("in_reply_to");
CREATE INDEX "message_from_email_idx" ON "message"("from_email");
CREATE INDEX "message_date_idx" ON "message"("date");
-- Thread lookups ("who refers to these ids?") when mail arrives out of order.
CREATE INDEX "message_references_gin_idx" ON "message" USING GIN ("references");

CREATE TABLE "project_message" (
    "project_id" INTEGER NOT NULL,
    "message_id" BIGINT NOT NULL,
    "routed_by" TEXT NOT NULL,
    "role" "MessageRole",
    "reason" TEXT,
    "series_id" BIGINT,
    CONSTRAINT "project_message_pkey" PRIMARY KEY ("project_id", "message_id")
);
CREATE INDEX "project_message_message_id_idx" ON "project_message"("message_id");
CREATE INDEX "project_message_series_id_idx" ON "project_message"("series_id");

CREATE TABLE "series" (
    "id" BIGSERIAL NOT NULL,
    "project_id" INTEGER NOT NULL,
    "head_msgid" TEXT NOT NULL,
    "cover_msgid" TEXT,
    "subject" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author_name" TEXT NOT NULL DEFAULT '',
    "author_email" TEXT NOT NULL DEFAULT '',
    "version" DOUBLE PRECISION NOT NULL,
    "total" INTEGER NOT NULL,
    "received" INTEGER NOT NULL,
    "complete" BOOLEAN NOT NULL,
    "is_rfc" BOOLEAN NOT NULL DEFAULT false,
    "is_pull" BOOLEAN NOT NULL DEFAULT false,
    "date" TIMESTAMP(3),
    "last_activity" TIMESTAMP(3),
    "reply_count" INTEGER NOT NULL DEFAULT 0,
    "topic_key" TEXT NOT NULL,
    "obsoleted_by" TEXT,
    "revisions" TEXT[],
    "based_on" TEXT[],
    "base_commit" TEXT,
    "change_id" TEXT,
    "reviewed" BOOLEAN NOT NULL DEFAULT false,
    "merged_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "series_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "series_project_id_head_msgid_key" ON "series"("project_id", "head_msgid");
CREATE INDEX "series_project_id_last_activity_idx" ON "series"("project_id", "last_activity");
CREATE INDEX "series_topic_key_idx" ON "series"("topic_key");

CREATE TABLE "revision_link" (
    "id" BIGSERIAL NOT NULL,
    "older_id" BIGINT NOT NULL,
    "newer_id" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    CONSTRAINT "revision_link_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "revision_link_older_id_newer_id_key" ON "revision_link"("older_id", "newer_id");

CREATE TABLE "patch" (
    "id" BIGSERIAL NOT NULL,
    "series_id" BIGINT NOT NULL,
    "message_id" BIGINT NOT NULL,
    "index" INTEGER NOT NULL,
    "replaces" TEXT,
    "additions" INTEGER NOT NULL DEFAULT 0,
    "deletions" INTEGER NOT NULL DEFAULT 0,
    "files" TEXT[],
    CONSTRAINT "patch_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "patch_series_id_index_key" ON "patch"("series_id", "index");
CREATE INDEX "patch_message_id_idx" ON "patch"("message_id");

CREATE TABLE "trailer" (
    "id" BIGSERIAL NOT NULL,
    "patch_id" BIGINT NOT NULL,
    "source_id" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "line" TEXT NOT NULL,
    "origin" "TrailerOrigin" NOT NULL,
    "sender_mismatch" BOOLEAN NOT NULL DEFAULT false,
    "carried_from" TEXT,
    CONSTRAINT "trailer_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "trailer_patch_id_idx" ON "trailer"("patch_id");
CREATE INDEX "trailer_email_idx" ON "trailer"("email");

CREATE TABLE "apply_result" (
    "id" BIGSERIAL NOT NULL,
    "series_id" BIGINT NOT NULL,
    "status" TEXT NOT NULL,
    "base_commit" TEXT,
    "base_reason" TEXT,
    "commits" TEXT[],
    "tag" TEXT,
    "log" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "apply_result_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "apply_result_series_id_idx" ON "apply_result"("series_id");

CREATE TABLE "test_result" (
    "id" BIGSERIAL NOT NULL,
    "series_id" BIGINT NOT NULL,
    "context" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "url" TEXT,
    "description" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "test_result_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "test_result_series_id_idx" ON "test_result"("series_id");

ALTER TABLE "project" ADD CONSTRAINT "project_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "person_email" ADD CONSTRAINT "person_email_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "message" ADD CONSTRAINT "message_raw_id_fkey" FOREIGN KEY ("raw_id") REFERENCES "raw_message"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "project_message" ADD CONSTRAINT "project_message_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_message" ADD CONSTRAINT "project_message_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "project_message" ADD CONSTRAINT "project_message_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "series" ADD CONSTRAINT "series_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "revision_link" ADD CONSTRAINT "revision_link_older_id_fkey" FOREIGN KEY ("older_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "revision_link" ADD CONSTRAINT "revision_link_newer_id_fkey" FOREIGN KEY ("newer_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "patch" ADD CONSTRAINT "patch_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "patch" ADD CONSTRAINT "patch_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "trailer" ADD CONSTRAINT "trailer_patch_id_fkey" FOREIGN KEY ("patch_id") REFERENCES "patch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "trailer" ADD CONSTRAINT "trailer_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "message"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "apply_result" ADD CONSTRAINT "apply_result_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "test_result" ADD CONSTRAINT "test_result_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE;
