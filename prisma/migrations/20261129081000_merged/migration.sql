-- Merged detection (workers/watch-upstream.ts): when the upstream watcher last matched
-- patches, so that series written since (new mail, rebuilt patches) are matched again
-- against the commits already indexed.
ALTER TABLE "git_mirror" ADD COLUMN "merge_scanned_at" TIMESTAMP(3);
