// Reacts to a tester asking for work (POST /api/v1/tester/claim); emits nothing: the job
// it leases ends when the tester reports its verdict (report-test-result.ts).
import { seriesFetchUrl } from "../../routes";
import { gitOwnerOf } from "../../apply/git-owner";
import { claimableTests } from "../../ci/claimable-tests";
import type { ProjectConfig } from "../../config/projects-file";
import { claimTestJob, type ClaimedJob } from "../../db/ci/claim-test-job";
import type { AuthenticatedTester } from "../../db/ci/testers";
import type { Db } from "../../db/client";
import { PatchwatchError } from "../../errors";

/** A leased job with what the tester needs to run it: the configured script and where to fetch. */
export interface AssignedTestJob {
  job: ClaimedJob;
  script: string;
  timeoutSeconds: number;
  /** The series' published tag, or the upstream branch for a branch job ("" when neither is known). */
  fetchUrl: string;
}

/**
 * Leases the oldest waiting job the tester may take (lib/ci/claimable-tests.ts decides
 * which, from the configured tests, the token and the tester's offer); null when none waits.
 * `origin` is this server's, for the fetch URL of a tag published here.
 */
export async function assignTestJob(
  db: Db,
  deps: { projects: readonly ProjectConfig[]; now: Date; leaseSeconds: number },
  input: {
    tester: AuthenticatedTester;
    offer: { capabilities: readonly string[]; projects?: readonly string[] };
    origin: string;
  },
): Promise<AssignedTestJob | null> {
  const { tester } = input;
  const scope = claimableTests(deps.projects, tester, input.offer);
  if (!scope.ok)
    throw scope.error === "unknown-project"
      ? new PatchwatchError("bad-request", `unknown project ${scope.project}`)
      : new PatchwatchError("forbidden", `tester ${tester.name} may not work for project ${scope.project}`);
  const job = await claimTestJob(db, {
    tester,
    tests: scope.tests,
    now: deps.now,
    leaseSeconds: deps.leaseSeconds,
  });
  if (!job) return null;
  const project = deps.projects.find((p) => p.name === job.project);
  const test = project?.tests.find((t) => t.name === job.test);
  // claimableTests offered only configured tests, from this same configuration.
  if (!test) throw new Error(`test ${job.test} of ${job.project} is not configured`);
  // A series job fetches its tag where it was published; a branch job fetches the upstream branch.
  const owner = gitOwnerOf(deps.projects, job.project);
  const upstream = owner ? deps.projects.find((p) => p.name === owner)?.git?.url : undefined;
  const fetchUrl = job.apply ? seriesFetchUrl(job.apply, input.origin) : upstream;
  return { job, script: test.script, timeoutSeconds: test.timeoutSeconds, fetchUrl: fetchUrl ?? "" };
}
