-- The robot's scan (workers/notify.ts) reads the apply and test results of the last days
-- every minute: by date, not through every series.
CREATE INDEX "apply_result_created_at_idx" ON "apply_result"("created_at");
CREATE INDEX "test_result_created_at_idx" ON "test_result"("created_at");
