import { findPatchTargets } from "../../db/checks/find-check-targets";
import { listChecks } from "../../db/checks/list-checks";
import { recordCheck } from "../../db/checks/record-check";
import type { Db } from "../../db/client";
import { PatchwatchError } from "../../errors";
import { apiEndpoint } from "../api-endpoint";
import { createPatchCheckContract, listPatchChecksContract } from "../check-contracts";
import { checkJson } from "../check-json";
import { authenticateReporter, forbiddenFor, mayReportFor } from "../check-reporter";

async function patchTargets(db: Db, msgid: string) {
  const targets = await findPatchTargets(db, msgid);
  if (targets.length === 0) throw new PatchwatchError("not-found", `no patch ${msgid}`);
  return targets;
}

/** GET /api/v1/patches/{msgid}/checks */
export const listPatchChecksEndpoint = apiEndpoint(listPatchChecksContract, async ({ db, params }) => {
  const targets = await patchTargets(db, params.msgid);
  const patchIds = targets.map((t) => t.patchId!);
  return { body: { items: (await listChecks(db, { patchIds })).map(checkJson) } };
});

/**
 * POST /api/v1/patches/{msgid}/checks: written to the patch in every series the mail is a
 * patch of and the token may report for; a 403 when it may report for none of them.
 */
export const createPatchCheckEndpoint = apiEndpoint(
  createPatchCheckContract,
  async ({ db, params, request, body }) => {
    const reporter = await authenticateReporter(db, request);
    const check = await body();
    const targets = await patchTargets(db, params.msgid);
    const allowed = targets.filter((t) => mayReportFor(reporter, t.project));
    if (allowed.length === 0) throw forbiddenFor(reporter, targets[0]!.project);
    const report = {
      context: check.context,
      state: check.state,
      targetUrl: check.target_url ?? null,
      description: check.description ?? null,
    };
    const rows = [];
    for (const target of allowed) rows.push(await recordCheck(db, target, report, `check:${reporter.name}`));
    return { body: checkJson({ ...rows[0]!, current: true }) };
  },
);
