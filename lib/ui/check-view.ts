/** A test's or check's state: the checks API's four, and error for a test that could not run. */
export type CheckState = "success" | "fail" | "warning" | "pending" | "error";

/*
 * How tests and checks read on a page: the state a reported word stands for, whether a
 * failure is the series' own, which URLs may become links, how long a run took, and
 * what to say for a configured test nobody reported.
 */

const STATE_OF: Record<string, CheckState> = {
  pending: "pending",
  queued: "pending",
  running: "pending",
  success: "success",
  passed: "success",
  pass: "success",
  warning: "warning",
  fail: "fail",
  failed: "fail",
  failure: "fail",
  error: "error",
};

/** The state stored (test_result speaks pending/success/warning/fail/error); any other word is a warning, never a pass. */
export function checkState(reported: string): CheckState {
  return STATE_OF[reported.trim().toLowerCase()] ?? "warning";
}

/**
 * "Fails on master too": the series fails a test that the commit it was applied on fails
 * as well, so the failure is not the series' doing.
 */
export function failsOnMasterToo(state: string, baseState: string | null): boolean {
  return baseState !== null && checkState(state) === "fail" && checkState(baseState) === "fail";
}

/** A URL a check reported, when it may be a link: absolute http or https, nothing else. */
export function linkableUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** `850 ms`, `42 s`, `3 min 5 s`, `2 h 4 min`. */
export function formatDuration(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export interface TestJobSummary {
  id: bigint;
  testName: string;
  state: string;
  tester: string | null;
  createdAt: Date;
}

/** A configured test without a report for the series: what it is waiting for, in words. */
export interface UntestedTest {
  name: string;
  status: "not-applied" | "apply-failed" | "not-tested" | "queued" | "running" | "finished";
  /** `not tested yet`, `queued`, `running on tester-1`, … */
  label: string;
  jobId: bigint | null;
}

/**
 * The configured tests with no report for the series as a whole, each with its latest
 * job (newest first in `jobs`): a silent CI must not look like a green one.
 */
export function untestedTests(
  configured: readonly string[],
  reported: ReadonlySet<string>,
  jobs: readonly TestJobSummary[],
  apply: { status: string } | null,
): UntestedTest[] {
  return configured
    .filter((name) => !reported.has(name))
    .map((name): UntestedTest => {
      const job = jobs.find((j) => j.testName === name);
      if (!job) {
        if (!apply) return { name, status: "not-applied", label: "not tested yet: not applied", jobId: null };
        if (apply.status !== "applied")
          return {
            name,
            status: "apply-failed",
            label: "not tested: the series does not apply",
            jobId: null,
          };
        return { name, status: "not-tested", label: "not tested yet", jobId: null };
      }
      if (job.state === "queued") return { name, status: "queued", label: "queued", jobId: job.id };
      if (job.state === "running") {
        const label = job.tester ? `running on ${job.tester}` : "running";
        return { name, status: "running", label, jobId: job.id };
      }
      return { name, status: "finished", label: `${job.state}, no result recorded`, jobId: job.id };
    });
}

/** Counts for the tests badge: the latest state of each context, and configured tests still waiting. */
export function checksSummary(
  latest: readonly { state: CheckState; failsOnMasterToo: boolean }[],
  untested: readonly UntestedTest[],
): { passed: number; failed: number; failedOnBase: number; pending: number } {
  const count = (f: (c: (typeof latest)[number]) => boolean) => latest.filter(f).length;
  return {
    passed: count((c) => c.state === "success"),
    failed: count((c) => c.state === "fail" || c.state === "error"),
    failedOnBase: count((c) => c.failsOnMasterToo),
    pending:
      count((c) => c.state === "pending") +
      untested.filter((t) => t.status !== "apply-failed" && t.status !== "finished").length,
  };
}

/**
 * What the series page says about its tests: the configured tests without a series-wide
 * report (of their job, or under their name) and the counts for the badge.
 */
export function checksOverview(
  checks: {
    contexts: readonly {
      context: string;
      patch: unknown;
      latest: { state: CheckState; failsOnMasterToo: boolean; testName: string | null };
    }[];
    jobs: readonly TestJobSummary[];
  },
  configured: readonly string[],
  apply: { status: string } | null,
): { untested: UntestedTest[]; summary: ReturnType<typeof checksSummary> } {
  const reported = new Set(
    checks.contexts
      .filter((c) => c.patch === null)
      .flatMap((c) => [c.context, c.latest.testName ?? c.context]),
  );
  const untested = untestedTests(configured, reported, checks.jobs, apply);
  return {
    untested,
    summary: checksSummary(
      checks.contexts.map((c) => c.latest),
      untested,
    ),
  };
}
