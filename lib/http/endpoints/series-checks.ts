import { findSeriesTarget } from "../../db/checks/find-check-targets";
import { listChecks } from "../../db/checks/list-checks";
import { recordCheck } from "../../db/checks/record-check";
import type { Db } from "../../db/client";
import { PatchwatchError } from "../../errors";
import { apiEndpoint } from "../api-endpoint";
import { createSeriesCheckContract, listSeriesChecksContract } from "../check-contracts";
import { checkJson } from "../check-json";
import { authenticateReporter, forbiddenFor, mayReportFor } from "../check-reporter";

async function seriesTarget(db: Db, project: string, msgid: string) {
  const target = await findSeriesTarget(db, project, msgid);
  if (!target) throw new PatchwatchError("not-found", `no series ${msgid} in project ${project}`);
  return target;
}

/** GET /api/v1/series/{project}/{msgid}/checks */
export const listSeriesChecksEndpoint = apiEndpoint(listSeriesChecksContract, async ({ db, params }) => {
  const target = await seriesTarget(db, params.project, params.msgid);
  return { body: { items: (await listChecks(db, { seriesId: target.seriesId })).map(checkJson) } };
});

/** POST /api/v1/series/{project}/{msgid}/checks */
export const createSeriesCheckEndpoint = apiEndpoint(
  createSeriesCheckContract,
  async ({ db, params, request, body }) => {
    const reporter = await authenticateReporter(db, request);
    const check = await body();
    const target = await seriesTarget(db, params.project, params.msgid);
    if (!mayReportFor(reporter, target.project)) throw forbiddenFor(reporter, target.project);
    const row = await recordCheck(
      db,
      target,
      {
        context: check.context,
        state: check.state,
        targetUrl: check.target_url ?? null,
        description: check.description ?? null,
      },
      `check:${reporter.name}`,
    );
    return { body: checkJson({ ...row, current: true }) };
  },
);
