import { heartbeatTestJob } from "../../db/ci/heartbeat-test-job";
import { authenticateTester } from "../../db/ci/testers";
import { apiEndpoint, type ApiEndpoint } from "../api-endpoint";
import type { TesterApiDeps } from "../tester-api";
import { heartbeatTestJobContract } from "../tester-contracts";

/** POST /api/v1/tester/jobs/{id}/heartbeat */
export function heartbeatTestJobEndpoint(deps: TesterApiDeps): ApiEndpoint<typeof heartbeatTestJobContract> {
  return apiEndpoint(heartbeatTestJobContract, async ({ db, request, params }) => {
    const tester = await authenticateTester(db, request.headers.get("authorization"));
    const { leaseExpiresAt } = await heartbeatTestJob(db, {
      jobId: params.id,
      tester,
      now: deps.now(),
      leaseSeconds: deps.leaseSeconds,
    });
    return { body: { leaseExpiresAt: leaseExpiresAt.toISOString() } };
  });
}
