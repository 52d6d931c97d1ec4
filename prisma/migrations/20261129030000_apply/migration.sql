-- The applier (workers/apply.ts): what each attempt to apply a series used and found,
-- and the state of each project's mirror of its upstream repository.
ALTER TABLE "apply_result"
  ADD COLUMN "base_kind" TEXT,
  ADD COLUMN "base_named" TEXT,
  ADD COLUMN "head_commit" TEXT,
  ADD COLUMN "checked_head" TEXT,
  ADD COLUMN "patch_msgids" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "failed_patch" INTEGER,
  ADD COLUMN "conflicts" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "conflict_range" TEXT,
  ADD COLUMN "conflict_commits" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "publish_project" TEXT,
  ADD COLUMN "fetch_url" TEXT;

-- The latest result of a series is read by every list page and by the applier.
CREATE INDEX "apply_result_series_latest_idx" ON "apply_result"("series_id", "created_at" DESC, "id" DESC);

CREATE TABLE "git_mirror" (
    "project_id" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "head" TEXT,
    "fetched_at" TIMESTAMP(3),
    "head_moved_at" TIMESTAMP(3),
    "last_error" TEXT,
    "last_error_at" TIMESTAMP(3),
    "last_run_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "git_mirror_pkey" PRIMARY KEY ("project_id"),
    CONSTRAINT "git_mirror_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
