import type { CheckState } from "./check-state";

/*
 * How a series' checks add up: the configured tests nobody reported yet (a silent CI must
 * not look like a green one) and the counts of the tests badge.
 */

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
