import type { TestConfig } from "../../config";
import type { Db } from "../client";

type TestSpec = Pick<TestConfig, "name" | "capabilities">;

/**
 * One job per configured test for a series' applied commit (ref: its tag), as soon as the
 * applier records an `applied` result. Idempotent: the unique index on (series, test,
 * commit) makes a second call a no-op, so the applier may call it on every round. Jobs of
 * the series still queued for an older commit are dropped: nobody wants that result now.
 * `branch` is the branch the series' base commit is on.
 */
export async function enqueueSeriesTests(
  db: Db,
  input: { applyResultId: bigint; tests: readonly TestSpec[]; branch?: string },
): Promise<number> {
  if (input.tests.length === 0) return 0;
  const apply = await db.applyResult.findUnique({
    where: { id: input.applyResultId },
    select: {
      status: true,
      baseKind: true,
      seriesId: true,
      headCommit: true,
      baseCommit: true,
      tag: true,
      series: { select: { projectId: true } },
    },
  });
  if (!apply || apply.status !== "applied" || !apply.headCommit || !apply.tag) return 0;
  const { seriesId, headCommit, baseCommit, tag } = apply;
  // A series applied on an older commit of the branch (its `base-commit:`) gets that
  // commit tested too, to tell its failures from the branch's; the head is tested anyway.
  if (input.branch && apply.baseKind === "base-commit" && baseCommit)
    await enqueueHeadTests(db, {
      projectId: apply.series.projectId,
      branch: input.branch,
      commit: baseCommit,
      tests: input.tests,
    });
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      DELETE FROM test_job
       WHERE series_id = ${seriesId} AND state = 'queued' AND attempts = 0 AND "commit" <> ${headCommit}`;
    let added = 0;
    for (const test of input.tests) {
      added += await tx.$executeRaw`
        INSERT INTO test_job (project_id, series_id, apply_result_id, test_name, "commit", base_commit, ref, capabilities)
        VALUES (${apply.series.projectId}, ${seriesId}, ${input.applyResultId}, ${test.name}, ${headCommit},
                ${baseCommit}, ${tag}, ${test.capabilities}::text[])
        ON CONFLICT (series_id, test_name, "commit") WHERE series_id IS NOT NULL DO NOTHING`;
    }
    return added;
  });
}

/**
 * One job per configured test for a commit of the project's branch (ref: the branch):
 * its head when it moves, and a commit a series named as its base. Their results say
 * whether a series' failure is its own or "fails on master too". Idempotent like
 * enqueueSeriesTests.
 */
export async function enqueueHeadTests(
  db: Db,
  input: { projectId: number; branch: string; commit: string; tests: readonly TestSpec[] },
): Promise<number> {
  let added = 0;
  for (const test of input.tests) {
    added += await db.$executeRaw`
      INSERT INTO test_job (project_id, series_id, test_name, "commit", ref, capabilities)
      VALUES (${input.projectId}, NULL, ${test.name}, ${input.commit}, ${input.branch}, ${test.capabilities}::text[])
      ON CONFLICT (project_id, test_name, "commit") WHERE series_id IS NULL DO NOTHING`;
  }
  return added;
}
