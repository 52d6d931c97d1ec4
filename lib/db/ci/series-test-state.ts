import { checkStateOfJob, failsOnBaseToo, type CheckState, testLogPath } from "../../ci/result-state";
import type { ProjectConfig } from "../../config";
import type { Db } from "../client";

/**
 * What each configured test says about a series, so a page can show "not tested yet"
 * rather than green when no tester reported (patchwork #656):
 * - `passed` `failed` `error`: the test ran on the series' applied commit;
 * - `running`: a tester has it; `queued`: waiting for a tester;
 * - `no-tester`: waiting, and no tester that may take this project was seen lately;
 * - `not-queued`: applied, but no job (the test was configured after the series applied);
 * - `not-applied`: the series has no applied commit to test.
 */
export type SeriesTestStatus =
  "passed" | "failed" | "error" | "running" | "queued" | "no-tester" | "not-queued" | "not-applied";

export interface SeriesTestEntry {
  test: string;
  status: SeriesTestStatus;
  /** The test finished (passed, failed or error). */
  reported: boolean;
  jobId: bigint | null;
  /** success, fail or error once reported. */
  resultState: CheckState | null;
  /** The same test on the commit the series was applied on, when that ran. */
  baseState: CheckState | null;
  /** Failed, and the base fails it too: not the series' fault. */
  failsOnBaseToo: boolean;
  durationMs: number | null;
  /** The log viewer page, once a job exists. */
  logUrl: string | null;
  tester: string | null;
  attempts: number;
  finishedAt: Date | null;
}

export interface SeriesTestState {
  seriesId: bigint;
  project: string;
  /** The applied commit the tests are about; null when the series is not applied. */
  commit: string | null;
  tests: SeriesTestEntry[];
  /** Names of the configured tests that have not reported (anything but passed, failed, error). */
  notReported: string[];
}

/** A tester seen within this long counts as present. */
export const TESTER_PRESENT_MS = 10 * 60_000;

interface SeriesRow {
  id: bigint;
  project: string;
  status: string | null;
  headCommit: string | null;
}

interface JobRow {
  id: bigint;
  seriesId: bigint;
  testName: string;
  commit: string;
  state: string;
  attempts: number;
  durationMs: number | null;
  finishedAt: Date | null;
  tester: string | null;
  baseState: string | null;
}

/** Test states of many series at once (a list page): one query for the series, one for their jobs. */
export async function getSeriesTestStates(
  db: Db,
  seriesIds: readonly bigint[],
  projects: readonly Pick<ProjectConfig, "name" | "tests">[],
  now: Date,
): Promise<Map<bigint, SeriesTestState>> {
  const states = new Map<bigint, SeriesTestState>();
  if (seriesIds.length === 0) return states;
  const ids = [...seriesIds];
  const series = await db.$queryRaw<SeriesRow[]>`
    SELECT s.id, p.name AS project, a.status, a.head_commit AS "headCommit"
      FROM series s JOIN project p ON p.id = s.project_id
      LEFT JOIN LATERAL (
        SELECT status, head_commit FROM apply_result
         WHERE series_id = s.id ORDER BY created_at DESC, id DESC LIMIT 1) a ON true
     WHERE s.id = ANY(${ids}::bigint[])`;
  const jobs = await db.$queryRaw<JobRow[]>`
    SELECT j.id, j.series_id AS "seriesId", j.test_name AS "testName", j."commit", j.state, j.attempts,
           j.duration_ms AS "durationMs", j.finished_at AS "finishedAt", t.name AS tester,
           (SELECT r.base_state FROM test_result r WHERE r.job_id = j.id
             ORDER BY r.created_at DESC, r.id DESC LIMIT 1) AS "baseState"
      FROM test_job j LEFT JOIN tester t ON t.id = j.tester_id
     WHERE j.series_id = ANY(${ids}::bigint[])`;
  const present = await presentTesterProjects(db, now);
  const testsOf = new Map(projects.map((p) => [p.name, p.tests.map((t) => t.name)]));
  for (const s of series) {
    // needs-rebase keeps its earlier commits and tag: their results still stand.
    const commit = s.status === "applied" || s.status === "needs-rebase" ? s.headCommit : null;
    const jobOf = new Map(
      commit
        ? jobs.filter((j) => j.seriesId === s.id && j.commit === commit).map((j) => [j.testName, j])
        : [],
    );
    const tests = (testsOf.get(s.project) ?? []).map((name) =>
      entryOf(name, commit, jobOf.get(name), present.all || present.projects.has(s.project)),
    );
    states.set(s.id, {
      seriesId: s.id,
      project: s.project,
      commit,
      tests,
      notReported: tests.filter((t) => !t.reported).map((t) => t.test),
    });
  }
  return states;
}

export async function getSeriesTestState(
  db: Db,
  seriesId: bigint,
  projects: readonly Pick<ProjectConfig, "name" | "tests">[],
  now: Date,
): Promise<SeriesTestState | null> {
  return (await getSeriesTestStates(db, [seriesId], projects, now)).get(seriesId) ?? null;
}

function entryOf(
  test: string,
  commit: string | null,
  job: JobRow | undefined,
  testerPresent: boolean,
): SeriesTestEntry {
  const resultState = job ? checkStateOfJob(job.state) : null;
  const baseState = job?.baseState ? (job.baseState as CheckState) : null;
  let status: SeriesTestStatus;
  if (!commit) status = "not-applied";
  else if (!job) status = "not-queued";
  else if (job.state === "queued") status = testerPresent ? "queued" : "no-tester";
  else status = job.state as SeriesTestStatus;
  return {
    test,
    status,
    reported: resultState !== null,
    jobId: job?.id ?? null,
    resultState,
    baseState,
    failsOnBaseToo: resultState !== null && failsOnBaseToo({ state: resultState, baseState }),
    durationMs: job?.durationMs ?? null,
    logUrl: job ? testLogPath(job.id) : null,
    tester: job?.tester ?? null,
    attempts: job?.attempts ?? 0,
    finishedAt: job?.finishedAt ?? null,
  };
}

/** Projects some unrevoked tester seen lately may work for (`all`: one may work for any). */
async function presentTesterProjects(db: Db, now: Date): Promise<{ all: boolean; projects: Set<string> }> {
  const testers = await db.tester.findMany({
    where: { revokedAt: null, lastSeenAt: { gte: new Date(now.getTime() - TESTER_PRESENT_MS) } },
    select: { projects: true },
  });
  return {
    all: testers.some((t) => t.projects.length === 0),
    projects: new Set(testers.flatMap((t) => t.projects)),
  };
}
