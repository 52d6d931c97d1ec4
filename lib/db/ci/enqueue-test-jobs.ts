import type { TestConfig } from "../../config/projects-file";
import { type Db, prisma } from "../client";

export type TestSpec = Pick<TestConfig, "name" | "capabilities">;

/** An apply result as the test queue reads it: what was applied, on what, under which tag. */
export interface ApplyForTests {
  status: string;
  baseKind: string | null;
  seriesId: bigint;
  projectId: number;
  headCommit: string | null;
  baseCommit: string | null;
  tag: string | null;
}

export async function findApplyForTests(db: Db, applyResultId: bigint): Promise<ApplyForTests | null> {
  const row = await prisma(db).applyResult.findUnique({
    where: { id: applyResultId },
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
  if (!row) return null;
  const { series, ...apply } = row;
  return { ...apply, projectId: series.projectId };
}

/**
 * One job per test for a series' applied commit (ref: its tag). Idempotent: the unique
 * index on (series, test, commit) makes a second call a no-op. Jobs of the series still
 * queued for an older commit are dropped: nobody wants that result now.
 */
export async function insertSeriesTestJobs(
  db: Db,
  input: {
    applyResultId: bigint;
    projectId: number;
    seriesId: bigint;
    commit: string;
    baseCommit: string | null;
    tag: string;
    tests: readonly TestSpec[];
  },
): Promise<number> {
  return prisma(db).$transaction(async (tx) => {
    await tx.$executeRaw`
      DELETE FROM test_job
       WHERE series_id = ${input.seriesId} AND state = 'queued' AND attempts = 0 AND "commit" <> ${input.commit}`;
    let added = 0;
    for (const test of input.tests) {
      added += await tx.$executeRaw`
        INSERT INTO test_job (project_id, series_id, apply_result_id, test_name, "commit", base_commit, ref, capabilities)
        VALUES (${input.projectId}, ${input.seriesId}, ${input.applyResultId}, ${test.name}, ${input.commit},
                ${input.baseCommit}, ${input.tag}, ${test.capabilities}::text[])
        ON CONFLICT (series_id, test_name, "commit") WHERE series_id IS NOT NULL DO NOTHING`;
    }
    return added;
  });
}

/**
 * One job per configured test for a commit of the project's branch (ref: the branch):
 * its head when it moves, and a commit a series named as its base. Their results say
 * whether a series' failure is its own or "fails on master too". Idempotent: the unique
 * index on (project, test, commit) of branch jobs makes a second call a no-op.
 */
export async function enqueueHeadTests(
  db: Db,
  input: { projectId: number; branch: string; commit: string; tests: readonly TestSpec[] },
): Promise<number> {
  let added = 0;
  for (const test of input.tests) {
    added += await prisma(db).$executeRaw`
      INSERT INTO test_job (project_id, series_id, test_name, "commit", ref, capabilities)
      VALUES (${input.projectId}, NULL, ${test.name}, ${input.commit}, ${input.branch}, ${test.capabilities}::text[])
      ON CONFLICT (project_id, test_name, "commit") WHERE series_id IS NULL DO NOTHING`;
  }
  return added;
}
