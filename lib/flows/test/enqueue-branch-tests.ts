// Reacts to the upstream branch head as the applier fetched it (lib/flows/apply/apply-project.ts);
// emits nothing: the queued jobs wait for a tester's claim.
import type { ProjectConfig } from "../../config/projects-file";
import type { Db } from "../../db/client";
import { enqueueHeadTests } from "../../db/ci/enqueue-test-jobs";
import { configuredTests } from "./configured-tests";

/**
 * One job per configured test of each project sharing a tree, for the branch head the
 * series are applied on: the results that tell a series' failure from the branch's own.
 */
export async function enqueueBranchTests(
  db: Db,
  projects: readonly ProjectConfig[] | undefined,
  input: {
    members: readonly string[];
    projectIds: ReadonlyMap<string, number>;
    branch: string;
    head: string;
  },
): Promise<void> {
  for (const member of input.members) {
    const tests = configuredTests(projects, member);
    const projectId = input.projectIds.get(member);
    if (tests.length > 0 && projectId !== undefined)
      await enqueueHeadTests(db, { projectId, branch: input.branch, commit: input.head, tests });
  }
}
