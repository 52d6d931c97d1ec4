-- Who is responsible for a series (MAINTAINERS at the branch head), and what of it was
-- merged upstream (workers/watch-upstream.ts).

-- Merged detection: which upstream commit took a patch, when, and how it was matched
-- (patch-id, message-id, subject+author).
ALTER TABLE "patch"
  ADD COLUMN "merged_commit" TEXT,
  ADD COLUMN "merged_at" TIMESTAMP(3),
  ADD COLUMN "merged_how" TEXT;
ALTER TABLE "series"
  ADD COLUMN "merged_commits" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "merge_note" TEXT;

-- The upstream branch's commits, indexed for matching posted patches against them.
CREATE TABLE "upstream_commit" (
    "project_id" INTEGER NOT NULL,
    "sha" TEXT NOT NULL,
    "patch_id" TEXT,
    "subject" TEXT NOT NULL,
    "author_name" TEXT NOT NULL DEFAULT '',
    "author_email" TEXT NOT NULL DEFAULT '',
    "committed_at" TIMESTAMP(3),
    "msgids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    CONSTRAINT "upstream_commit_pkey" PRIMARY KEY ("project_id", "sha"),
    CONSTRAINT "upstream_commit_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "upstream_commit_patch_id_idx" ON "upstream_commit"("project_id", "patch_id");
CREATE INDEX "upstream_commit_msgids_idx" ON "upstream_commit" USING GIN ("msgids");
CREATE INDEX "upstream_commit_subject_idx" ON "upstream_commit"("project_id", lower("subject"));

ALTER TABLE "git_mirror"
  -- The head up to which upstream commits were indexed and matched.
  ADD COLUMN "merge_scanned_head" TEXT,
  -- The MAINTAINERS blob series' responsible people were computed from.
  ADD COLUMN "maintainers_blob" TEXT,
  ADD COLUMN "maintainers_error" TEXT;

-- The people and lists responsible for a series' touched files, one row per address,
-- most relevant first (rank), from the MAINTAINERS blob named in series.responsible_blob.
CREATE TABLE "series_responsible" (
    "series_id" BIGINT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "role" TEXT NOT NULL,
    "sections" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "status" TEXT,
    "rank" INTEGER NOT NULL,
    CONSTRAINT "series_responsible_pkey" PRIMARY KEY ("series_id", "email"),
    CONSTRAINT "series_responsible_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "series_responsible_email_idx" ON "series_responsible"("email");
ALTER TABLE "series" ADD COLUMN "responsible_blob" TEXT;
