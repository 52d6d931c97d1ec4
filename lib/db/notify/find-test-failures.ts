import { type Db, prisma } from "../client";

export interface TestFailureRow {
  seriesId: bigint;
  headMsgid: string;
  version: number;
  test: string;
  resultId: bigint;
  jobId: bigint | null;
  baseState: string | null;
  durationMs: number | null;
  description: string | null;
}

/**
 * Series of a project whose latest result of one of `tests` (since `since`) is `fail`,
 * and whose base does not fail the same way: "fails on master too" is never mailed.
 * Results on a single patch are left to the series-wide ones.
 */
export async function findTestFailures(
  db: Db,
  projectId: number,
  tests: string[],
  since: Date,
): Promise<TestFailureRow[]> {
  if (tests.length === 0) return [];
  const rows = await prisma(db).$queryRaw<
    {
      series_id: bigint;
      head_msgid: string;
      version: number;
      context: string;
      id: bigint;
      job_id: bigint | null;
      state: string;
      base_state: string | null;
      duration_ms: number | null;
      description: string | null;
    }[]
  >`
    SELECT * FROM (
      SELECT DISTINCT ON (tr.series_id, tr.context)
             tr.series_id, s.head_msgid, s.version, tr.context, tr.id, tr.job_id, tr.state, tr.base_state, tr.duration_ms,
             tr.description
        FROM test_result tr JOIN series s ON s.id = tr.series_id
       WHERE s.project_id = ${projectId} AND s.obsoleted_by IS NULL AND s.merged_at IS NULL
         AND tr.patch_id IS NULL AND tr.context = ANY(${tests}::text[]) AND tr.created_at >= ${since}
       ORDER BY tr.series_id, tr.context, tr.created_at DESC, tr.id DESC) latest
     WHERE state = 'fail' AND base_state IS DISTINCT FROM 'fail'
     ORDER BY id`;
  return rows.map((r) => ({
    seriesId: r.series_id,
    headMsgid: r.head_msgid,
    version: r.version,
    test: r.context,
    resultId: r.id,
    jobId: r.job_id,
    baseState: r.base_state,
    durationMs: r.duration_ms,
    description: r.description,
  }));
}
