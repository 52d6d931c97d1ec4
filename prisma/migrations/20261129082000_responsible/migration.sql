-- The people responsible for a series (workers/maintainers.ts): series_responsible rows are
-- recomputed when the MAINTAINERS blob changes (series.responsible_blob) and when the series
-- itself was rewritten since (a late patch changes the files it touches). The series'
-- updated_at the rows were computed for is kept to tell.
ALTER TABLE "series" ADD COLUMN "responsible_updated_at" TIMESTAMP(3);
