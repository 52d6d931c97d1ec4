import { authenticateTester } from "../../db/ci/testers";
import { reportTestResult } from "../../flows/test/report-test-result";
import { apiEndpoint, type ApiEndpoint } from "../api-endpoint";
import type { TesterApiDeps } from "../tester-api";
import { finishTestJobContract } from "../tester-contracts";

/** POST /api/v1/tester/jobs/{id}/result */
export function finishTestJobEndpoint(deps: TesterApiDeps): ApiEndpoint<typeof finishTestJobContract> {
  return apiEndpoint(finishTestJobContract, async ({ db, request, params, body }) => {
    const tester = await authenticateTester(db, request.headers.get("authorization"));
    const result = await body();
    return {
      body: await reportTestResult(db, {
        tester,
        jobId: params.id,
        outcome: result.state,
        durationMs: result.durationMs,
        summary: result.summary,
        now: deps.now(),
      }),
    };
  });
}
