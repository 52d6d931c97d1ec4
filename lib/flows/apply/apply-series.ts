// Reacts to "series complete" (planned by lib/apply/plan-apply.ts in a round of
// lib/flows/apply/apply-project.ts); emits "series applied" (an `applied` result, its tag
// published and its test jobs queued) or "apply failed" (a failed, refused or needs-rebase result).
import { chooseBase, type BaseChoice } from "../../apply/choose-base";
import { decideOutcome, type OutcomeAction, type TryOutcome } from "../../apply/decide-outcome";
import type { GitOwner } from "../../apply/git-owner";
import { MAX_CONFLICT_COMMITS } from "../../apply/limits";
import type { ApplyPaths } from "../../apply/paths";
import type { ApplyWork } from "../../apply/plan-apply";
import { seriesTagName } from "../../apply/tag-name";
import type { ApplyCandidate } from "../../apply/types";
import { findBasedOnTarget } from "../../db/apply/find-based-on-target";
import { markApplyChecked, recordApplyResult } from "../../db/apply/record-apply-result";
import { commitsTouching } from "../../git/commits-touching";
import { deleteTag, publishSeriesTag, pushTag } from "../../git/publish";
import { configuredTests } from "../test/configured-tests";
import { enqueueSeriesTests } from "../test/enqueue-series-tests";
import type { ApplierContext } from "./applier-context";
import type { CommitResolver } from "./plan-work";
import { tryApply } from "./try-apply";

/**
 * Applies one planned series: chooses its base, runs `git am`, lets lib/apply decide what
 * the outcome means, publishes or deletes its tag, records the result and queues its tests.
 */
export async function applySeries(
  ctx: ApplierContext,
  owner: GitOwner,
  paths: ApplyPaths,
  head: string,
  resolve: CommitResolver,
  w: ApplyWork,
): Promise<OutcomeAction> {
  const started = performance.now();
  const c = w.candidate;
  const choice = await chooseFor(ctx, owner, head, resolve, c);
  let outcome: TryOutcome | null = null;
  let conflictCommits: string[] = [];
  if (choice.kind !== "wait" && choice.kind !== "blocked") {
    // A retry after the branch moved is always on the new head (decideOutcome says what it means).
    outcome = await tryApply(ctx.db, paths, c, w.mode === "rebase" ? head : choice.commit, ctx.limits);
    const oldBase = c.latest?.baseCommit;
    if (w.mode === "rebase" && !outcome.ok && !("refused" in outcome) && oldBase) {
      conflictCommits = await commitsTouching(
        paths.mirror,
        oldBase,
        head,
        outcome.conflicts,
        MAX_CONFLICT_COMMITS,
      ).catch(() => []);
    }
  }
  const publish = owner.git.publish;
  const tag = seriesTagName(c.headMsgid, c.version);
  const action = decideOutcome({
    candidate: c,
    mode: w.mode,
    choice,
    outcome,
    head,
    tag,
    publishProject: owner.name,
    fetchUrl: publish ? (publish.fetchUrl ?? publish.url) : null,
    conflictCommits,
  });
  if (action.write === "insert") {
    if (action.tag === "set") await publishSeries(ctx, owner, paths, tag, action);
    if (action.tag === "delete" && c.latest?.tag) {
      await deleteTag(paths.mirror, paths.publish, publish ? [publish.url] : [], c.latest.tag);
    }
    const resultId = await recordApplyResult(ctx.db, c.seriesId, action.record);
    const tests = configuredTests(ctx.projects, c.project);
    if (action.record.status === "applied" && tests.length > 0)
      await enqueueSeriesTests(ctx.db, { applyResultId: resultId, tests, branch: owner.git.branch });
  } else if (action.write === "checked" && c.latest) {
    await markApplyChecked(ctx.db, c.latest.id, head);
  }
  ctx.log.info(
    {
      project: c.project,
      series: c.headMsgid,
      mode: w.mode,
      why: w.why,
      result: action.write === "insert" ? action.record.status : action.write,
      ms: Math.round(performance.now() - started),
    },
    "series applied",
  );
  return action;
}

async function chooseFor(
  ctx: ApplierContext,
  owner: GitOwner,
  head: string,
  resolve: CommitResolver,
  c: ApplyCandidate,
): Promise<BaseChoice> {
  const target = c.basedOn ? await findBasedOnTarget(ctx.db, c.project, c.basedOn) : null;
  return chooseBase({
    branch: owner.git.branch,
    head,
    baseCommit: c.baseCommit ? { named: c.baseCommit, resolved: await resolve(c.baseCommit) } : null,
    basedOn: c.basedOn
      ? {
          msgid: c.basedOn,
          target: target && {
            headMsgid: target.headMsgid,
            status: target.latest?.status ?? null,
            headCommit: target.latest?.headCommit ?? null,
          },
        }
      : null,
  });
}

/** Tags the applied commits and pushes the tag; a remote that refuses costs the remote URL, not the result. */
async function publishSeries(
  ctx: ApplierContext,
  owner: GitOwner,
  paths: ApplyPaths,
  tag: string,
  action: Extract<OutcomeAction, { write: "insert" }>,
): Promise<void> {
  await publishSeriesTag(paths.mirror, paths.publish, tag, action.record.headCommit!);
  const remote = owner.git.publish;
  if (!remote) return;
  try {
    await pushTag(paths.mirror, remote.url, tag);
  } catch (error) {
    ctx.log.warn(
      { project: owner.name, tag, err: (error as Error).message },
      "pushing the tag to the remote failed",
    );
    action.record.fetchUrl = null;
    action.record.log = `pushing the tag to the configured remote failed: ${(error as Error).message}`;
  }
}
