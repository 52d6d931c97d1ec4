import { seriesFetchUrl } from "../../apply/fetch-url";
import { gitOwnerOf } from "../../apply/git-owner";
import { claimableTests } from "../../ci/claimable-tests";
import { claimTestJob, type ClaimedJob } from "../../db/ci/claim-test-job";
import { authenticateTester } from "../../db/ci/testers";
import { PatchwatchError } from "../../errors";
import { door, type ApiEndpoint } from "../api-endpoint";
import { jsonResponse } from "../json-response";
import type { TesterApiDeps } from "../tester-api";
import { claimTestJobContract } from "../tester-contracts";

/** POST /api/v1/tester/claim: 200 with a job, or 204 when none waits for this tester. */
export function claimTestJobEndpoint(deps: TesterApiDeps): ApiEndpoint<typeof claimTestJobContract> {
  const inner = door(claimTestJobContract, async ({ db, request, body }) => {
    const tester = await authenticateTester(db, request.headers.get("authorization"));
    const offer = await body();
    const projects = deps.projects();
    const scope = claimableTests(projects, tester, offer);
    if (!scope.ok)
      throw scope.error === "unknown-project"
        ? new PatchwatchError("bad-request", `unknown project ${scope.project}`)
        : new PatchwatchError("forbidden", `tester ${tester.name} may not work for project ${scope.project}`);
    const job = await claimTestJob(db, {
      tester,
      tests: scope.tests,
      now: deps.now(),
      leaseSeconds: deps.leaseSeconds,
    });
    if (!job) return new Response(null, { status: 204 });
    return jsonResponse({ job: jobJson(job, projects, new URL(request.url).origin, deps.leaseSeconds) });
  });
  return { contract: claimTestJobContract, respond: inner.respond };
}

function jobJson(
  job: ClaimedJob,
  projects: ReturnType<TesterApiDeps["projects"]>,
  origin: string,
  leaseSeconds: number,
) {
  const project = projects.find((p) => p.name === job.project);
  const test = project?.tests.find((t) => t.name === job.test);
  // claimableTests offered only configured tests, from this same configuration.
  if (!test) throw new Error(`test ${job.test} of ${job.project} is not configured`);
  // A series job fetches its tag where it was published; a branch job fetches the upstream branch.
  const owner = gitOwnerOf(projects, job.project);
  const upstream = owner ? projects.find((p) => p.name === owner)?.git?.url : undefined;
  const fetchUrl = job.apply ? seriesFetchUrl(job.apply, origin) : upstream;
  return {
    id: job.id.toString(),
    project: job.project,
    test: job.test,
    script: test.script,
    timeoutSeconds: test.timeoutSeconds,
    fetchUrl: fetchUrl ?? "",
    ref: job.ref,
    commit: job.commit,
    baseCommit: job.baseCommit,
    leaseSeconds,
    series: job.series,
  };
}
