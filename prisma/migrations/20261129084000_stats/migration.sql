-- Indexes for the per-project stats (lib/db/stats). Partial and covering indexes cannot be
-- written in schema.prisma; like the search indexes, they live here only.

-- Series posted in a window, per project.
CREATE INDEX "series_project_date_idx" ON "series"("project_id", "date");
-- Series merged in a window, per project (most series are never merged).
CREATE INDEX "series_project_merged_at_idx" ON "series"("project_id", "merged_at") WHERE "merged_at" IS NOT NULL;
-- A series' replies, and who sent each when: the first answer from someone other than the
-- author is found with index-only probes instead of reading each message's row.
CREATE INDEX "project_message_series_reply_idx" ON "project_message"("series_id", "message_id") WHERE "role" = 'reply';
CREATE INDEX "message_sender_date_idx" ON "message"("id") INCLUDE ("date", "from_email") WHERE NOT "auto_submitted";
