// Reacts to "series applied" (lib/flows/apply/apply-series.ts); emits nothing: the
// queued jobs wait for a tester's claim (lib/flows/test/claim-test-job.ts).
import type { Db } from "../../db/client";
import {
  enqueueHeadTests,
  findApplyForTests,
  insertSeriesTestJobs,
  type TestSpec,
} from "../../db/ci/enqueue-test-jobs";

/**
 * One job per configured test for a series' applied commit (ref: its tag), as soon as the
 * applier records an `applied` result. Idempotent, so the applier may call it on every
 * round; a result that is not `applied` (or has no commit or tag) queues nothing.
 * `branch` is the branch the series' base commit is on.
 */
export async function enqueueSeriesTests(
  db: Db,
  input: { applyResultId: bigint; tests: readonly TestSpec[]; branch?: string },
): Promise<number> {
  if (input.tests.length === 0) return 0;
  const apply = await findApplyForTests(db, input.applyResultId);
  if (!apply || apply.status !== "applied" || !apply.headCommit || !apply.tag) return 0;
  // A series applied on an older commit of the branch (its `base-commit:`) gets that
  // commit tested too, to tell its failures from the branch's; the head is tested anyway.
  if (input.branch && apply.baseKind === "base-commit" && apply.baseCommit)
    await enqueueHeadTests(db, {
      projectId: apply.projectId,
      branch: input.branch,
      commit: apply.baseCommit,
      tests: input.tests,
    });
  return insertSeriesTestJobs(db, {
    applyResultId: input.applyResultId,
    projectId: apply.projectId,
    seriesId: apply.seriesId,
    commit: apply.headCommit,
    baseCommit: apply.baseCommit,
    tag: apply.tag,
    tests: input.tests,
  });
}
