import { type CheckState, checkState, failsOnMasterToo } from "../../checks/check-state";
import type { TestJobSummary } from "../../checks/checks-overview";
import { type Db, Prisma, prisma } from "../client";

/**
 * The tests and checks of a series: every report of every context (a test, a CI job),
 * for the series or one of its patches, grouped by context with the latest first, and
 * the series' test jobs (to say what a test without a report is waiting for). One query
 * for the reports and one for the jobs, whatever the number of patches.
 */

export interface CheckReport {
  id: bigint;
  state: CheckState;
  url: string | null;
  description: string | null;
  /** `tester:<name>`, `check:<token name>`, `gitlab`. */
  source: string | null;
  durationMs: number | null;
  /** The same test on the commit the series was applied on. */
  baseState: CheckState | null;
  failsOnMasterToo: boolean;
  createdAt: Date;
  /** The tester's job, whose log is at /logs/<jobId>. */
  jobId: bigint | null;
  testName: string | null;
  tester: string | null;
}

export interface CheckContext {
  context: string;
  /** The patch it was reported for; null for the series as a whole. */
  patch: { index: number; msgid: string } | null;
  latest: CheckReport;
  /** Earlier reports of the same context, newest first (at most HISTORY_LIMIT). */
  older: CheckReport[];
  /** Earlier reports beyond those. */
  olderNotShown: number;
}

export interface SeriesChecks {
  /** Series-wide contexts first, then by patch; by name within each. */
  contexts: CheckContext[];
  /** The series' test jobs, newest first. */
  jobs: TestJobSummary[];
}

/** Reports read for one series: a bot reporting every few minutes for weeks stops here. */
const REPORT_LIMIT = 2000;
export const HISTORY_LIMIT = 20;

interface ReportRow {
  id: bigint;
  context: string;
  state: string;
  url: string | null;
  description: string | null;
  source: string | null;
  duration_ms: number | null;
  base_state: string | null;
  created_at: Date;
  job_id: bigint | null;
  patch_index: number | null;
  patch_msgid: string | null;
  test_name: string | null;
  tester: string | null;
}

interface JobRow {
  id: bigint;
  test_name: string;
  state: string;
  tester: string | null;
  created_at: Date;
}

export type SeriesRef = { id: bigint } | { project: string; headMsgid: string };

function seriesIdSql(series: SeriesRef): Prisma.Sql {
  return "id" in series
    ? Prisma.sql`${series.id}::bigint`
    : Prisma.sql`(SELECT s.id FROM series s
                   WHERE s.project_id = (SELECT id FROM project WHERE name = ${series.project})
                     AND s.head_msgid = ${series.headMsgid})`;
}

export async function getSeriesChecks(db: Db, series: SeriesRef): Promise<SeriesChecks> {
  const seriesId = seriesIdSql(series);
  const [reports, jobs] = await Promise.all([
    prisma(db).$queryRaw<ReportRow[]>`
      SELECT r.id, r.context, r.state, r.url, r.description, r.source, r.duration_ms, r.base_state,
             r.created_at, r.job_id, pa.index AS patch_index, m.msgid AS patch_msgid,
             j.test_name, t.name AS tester
        FROM test_result r
        LEFT JOIN patch pa ON pa.id = r.patch_id
        LEFT JOIN message m ON m.id = pa.message_id
        LEFT JOIN test_job j ON j.id = r.job_id
        LEFT JOIN tester t ON t.id = j.tester_id
       WHERE r.series_id = ${seriesId}
       ORDER BY r.created_at DESC, r.id DESC
       LIMIT ${REPORT_LIMIT}`,
    prisma(db).$queryRaw<JobRow[]>`
      SELECT j.id, j.test_name, j.state, t.name AS tester, j.created_at
        FROM test_job j
        LEFT JOIN tester t ON t.id = j.tester_id
       WHERE j.series_id = ${seriesId}
       ORDER BY j.created_at DESC, j.id DESC
       LIMIT ${REPORT_LIMIT}`,
  ]);
  return {
    contexts: groupReports(reports),
    jobs: jobs.map((j) => ({
      id: j.id,
      testName: j.test_name,
      state: j.state,
      tester: j.tester,
      createdAt: j.created_at,
    })),
  };
}

function toReport(r: ReportRow): CheckReport {
  return {
    id: r.id,
    state: checkState(r.state),
    url: r.url,
    description: r.description,
    source: r.source,
    durationMs: r.duration_ms,
    baseState: r.base_state === null ? null : checkState(r.base_state),
    failsOnMasterToo: failsOnMasterToo(r.state, r.base_state),
    createdAt: r.created_at,
    jobId: r.job_id,
    testName: r.test_name,
    tester: r.tester,
  };
}

/** Rows newest first become one entry per (patch, context). */
function groupReports(rows: ReportRow[]): CheckContext[] {
  const byKey = new Map<string, CheckContext>();
  for (const row of rows) {
    const key = `${row.patch_index ?? 0}\u0000${row.context}`;
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, {
        context: row.context,
        patch: row.patch_index === null ? null : { index: row.patch_index, msgid: row.patch_msgid ?? "" },
        latest: toReport(row),
        older: [],
        olderNotShown: 0,
      });
    } else if (known.older.length < HISTORY_LIMIT) known.older.push(toReport(row));
    else known.olderNotShown++;
  }
  return [...byKey.values()].sort(
    (a, b) =>
      (a.patch?.index ?? 0) - (b.patch?.index ?? 0) ||
      (a.context < b.context ? -1 : a.context > b.context ? 1 : 0),
  );
}
