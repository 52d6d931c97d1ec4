import { authenticateTester } from "../../db/ci/testers";
import { assignTestJob } from "../../flows/test/assign-test-job";
import { door, type ApiEndpoint } from "../api-endpoint";
import { jsonResponse } from "../json-response";
import type { TesterApiDeps } from "../tester-api";
import { claimTestJobContract } from "../tester-contracts";

/** POST /api/v1/tester/claim: 200 with a job, or 204 when none waits for this tester. */
export function claimTestJobEndpoint(deps: TesterApiDeps): ApiEndpoint<typeof claimTestJobContract> {
  const inner = door(claimTestJobContract, async ({ db, request, body }) => {
    const tester = await authenticateTester(db, request.headers.get("authorization"));
    const offer = await body();
    const assigned = await assignTestJob(
      db,
      { projects: deps.projects(), now: deps.now(), leaseSeconds: deps.leaseSeconds },
      { tester, offer, origin: new URL(request.url).origin },
    );
    if (!assigned) return new Response(null, { status: 204 });
    const { job } = assigned;
    return jsonResponse({
      job: {
        id: job.id.toString(),
        project: job.project,
        test: job.test,
        script: assigned.script,
        timeoutSeconds: assigned.timeoutSeconds,
        fetchUrl: assigned.fetchUrl,
        ref: job.ref,
        commit: job.commit,
        baseCommit: job.baseCommit,
        leaseSeconds: deps.leaseSeconds,
        series: job.series,
      },
    });
  });
  return { contract: claimTestJobContract, respond: inner.respond };
}
