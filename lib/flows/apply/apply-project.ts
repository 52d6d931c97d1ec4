// Reacts to "series complete" (the processor asks for a round after new mail) and to the
// timer of `git.fetchMinutes`; emits "series applied" / "apply failed" per series
// (lib/flows/apply/apply-series.ts) and queues the tests of the fetched branch head.
import type { GitOwner } from "../../apply/git-owner";
import { applyPaths } from "../../apply/paths";
import { findApplyCandidates } from "../../db/apply/find-apply-candidates";
import { lastMirrorFetch, recordApplyRun } from "../../db/apply/mirror-state";
import { withAdvisoryLock } from "../../db/client";
import { mirrorHead } from "../../git/mirror";
import { enqueueBranchTests } from "../test/enqueue-branch-tests";
import type { ApplierContext } from "./applier-context";
import { applySeries } from "./apply-series";
import { fetchUpstream } from "./fetch-upstream";
import { commitResolver, planWork } from "./plan-work";
import { lockKey } from "../../db/locks";

/**
 * One round of the applier for one project's tree: fetch the upstream when due or when
 * there is something to apply, then plan and apply until nothing is left (lib/apply
 * decides, lib/git runs git, lib/db records). One round per tree at a time, on any
 * machine: the worktree and the tags are shared state.
 */
export interface ApplyRoundSummary {
  /** The branch head series were applied on; null when the upstream was never fetched. */
  head: string | null;
  fetched: boolean;
  tried: number;
  written: Record<string, number>;
}

/** Rounds of plan-and-apply: a series applied in one round lets the series based on it go in the next. */
const MAX_PASSES = 5;

export async function applyProject(
  ctx: ApplierContext,
  owner: GitOwner,
  projectIds: ReadonlyMap<string, number>,
): Promise<ApplyRoundSummary> {
  const ownerId = projectIds.get(owner.name);
  if (ownerId === undefined) throw new Error(`project ${owner.name} has no row`);
  const memberIds = owner.members.flatMap((m) => projectIds.get(m) ?? []);
  return withAdvisoryLock(ctx.db, lockKey("apply", ownerId), async () => {
    const now = ctx.now?.() ?? new Date();
    const paths = applyPaths(ctx.dataDir, owner.name);
    const activeSince = owner.git.applyDays
      ? new Date(now.getTime() - owner.git.applyDays * 86_400_000)
      : null;
    const load = () => findApplyCandidates(ctx.db, memberIds, { activeSince });
    const resolve = commitResolver(paths.mirror);

    let head = await mirrorHead(paths.mirror, owner.git.branch).catch(() => null);
    const fetchedAt = await lastMirrorFetch(ctx.db, ownerId);
    // A little early counts as due: the timer asking every fetchMinutes must not miss by a hair.
    const interval = owner.git.fetchMinutes * 60_000 * 0.9;
    let due = !head || !fetchedAt || now.getTime() - fetchedAt.getTime() >= interval;
    // Something to apply: fetch first, so that it goes on today's tree.
    if (!due && head) due = (await planWork(await load(), head, resolve)).length > 0;
    if (due) head = await fetchUpstream(ctx, owner, ownerId, paths, head);
    const summary: ApplyRoundSummary = { head, fetched: due, tried: 0, written: {} };
    // Never fetched: nothing to apply on until a fetch works (the status shows why).
    if (!head) return summary;
    await enqueueBranchTests(ctx.db, ctx.projects, {
      members: owner.members,
      projectIds,
      branch: owner.git.branch,
      head,
    });
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const work = await planWork(await load(), head, resolve);
      if (work.length === 0) break;
      for (const w of work) {
        const action = await applySeries(ctx, owner, paths, head, resolve, w);
        summary.tried++;
        const key = action.write === "insert" ? action.record.status : action.write;
        summary.written[key] = (summary.written[key] ?? 0) + 1;
      }
    }
    await recordApplyRun(ctx.db, ownerId, ctx.now?.() ?? new Date());
    return summary;
  });
}
