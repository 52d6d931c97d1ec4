-- Every tester that claimed a test job, in order: a late report from a tester whose lease
-- ran out is a conflict (409), one from a tester that never had the job is refused (403).
ALTER TABLE "test_job" ADD COLUMN "claimed_by" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];
