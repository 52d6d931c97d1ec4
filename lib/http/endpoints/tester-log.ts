import { appendTestLog } from "../../db/ci/append-test-log";
import { authenticateTester } from "../../db/ci/testers";
import { apiEndpoint, type ApiEndpoint } from "../api-endpoint";
import type { TesterApiDeps } from "../tester-api";
import { appendTestLogContract } from "../tester-contracts";

/** POST /api/v1/tester/jobs/{id}/log: the body is read as a stream and capped, never held whole. */
export function appendTestLogEndpoint(deps: TesterApiDeps): ApiEndpoint<typeof appendTestLogContract> {
  return apiEndpoint(appendTestLogContract, async ({ db, request, params }) => {
    const tester = await authenticateTester(db, request.headers.get("authorization"));
    const appended = await appendTestLog(db, {
      jobId: params.id,
      tester,
      body: request.body,
      now: deps.now,
      leaseSeconds: deps.leaseSeconds,
      limits: deps.logLimits,
    });
    return { body: appended };
  });
}
