-- Lost patches, review queues and the weekly digest (lib/db/lost).

-- The lost list walks a project's current series (latest revision, not merged) from the
-- newest posting down; this keeps that walk to the current ones, in order.
CREATE INDEX "series_current_date_idx" ON "series"("project_id", "date" DESC, "id" DESC)
  WHERE "obsoleted_by" IS NULL AND "merged_at" IS NULL;

-- Maintainers who asked for a weekly mail of their review queue (`patchwatch digest
-- subscribe`). Only the SHA-256 of the unsubscribe token is kept; each digest carries a
-- fresh one.
CREATE TABLE "digest_subscription" (
    "email" TEXT NOT NULL,
    "projects" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sent_at" TIMESTAMP(3),
    "token_hash" TEXT,
    CONSTRAINT "digest_subscription_pkey" PRIMARY KEY ("email")
);
CREATE UNIQUE INDEX "digest_subscription_token_hash_key" ON "digest_subscription"("token_hash");
