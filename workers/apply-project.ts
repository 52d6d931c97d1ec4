import { chooseBase, type BaseChoice } from "../lib/apply/choose-base";
import { decideOutcome, type OutcomeAction, type TryOutcome } from "../lib/apply/decide-outcome";
import type { GitOwner } from "../lib/apply/git-owner";
import { MAX_CONFLICT_COMMITS, type SizeLimits } from "../lib/apply/limits";
import { applyPaths, type ApplyPaths } from "../lib/apply/paths";
import { planApply, type ApplyWork } from "../lib/apply/plan-apply";
import { seriesTagName } from "../lib/apply/tag-name";
import type { ApplyCandidate } from "../lib/apply/types";
import { findApplyCandidates } from "../lib/db/apply/find-apply-candidates";
import { findBasedOnTarget } from "../lib/db/apply/find-based-on-target";
import { enqueueHeadTests, enqueueSeriesTests } from "../lib/db/ci/enqueue-test-jobs";
import { lastMirrorFetch, recordApplyRun, recordMirrorFetch } from "../lib/db/apply/mirror-state";
import { markApplyChecked, recordApplyResult } from "../lib/db/apply/record-apply-result";
import { withAdvisoryLock, type Db } from "../lib/db/client";
import { commitsTouching } from "../lib/git/commits-touching";
import { GitError } from "../lib/git/errors";
import { fetchMirror, mirrorHead } from "../lib/git/mirror";
import { deleteTag, publishSeriesTag, pushTag } from "../lib/git/publish";
import { resolveCommit } from "../lib/git/resolve-commit";
import type { ProjectConfig } from "../lib/config";
import type { Log } from "../lib/log";
import { tryApply } from "./try-apply";

/**
 * One round of the applier for one project's tree: fetch the upstream when due or when
 * there is something to apply, then plan and apply until nothing is left (lib/apply
 * decides, lib/git runs git, lib/db records). One round per tree at a time, on any
 * machine: the worktree and the tags are shared state.
 */
export interface ApplierContext {
  db: Db;
  dataDir: string;
  log: Log;
  limits?: SizeLimits;
  now?: () => Date;
  /** The configured projects, for their tests (test jobs for applied series and the branch head). */
  projects?: readonly ProjectConfig[];
}

export interface ApplyRoundSummary {
  /** The branch head series were applied on; null when the upstream was never fetched. */
  head: string | null;
  fetched: boolean;
  tried: number;
  written: Record<string, number>;
}

const APPLY_LOCK = 72_616_004;
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
  return withAdvisoryLock(ctx.db, [APPLY_LOCK, ownerId], async () => {
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
    if (!due && head) due = (await plan(await load(), head, resolve)).length > 0;
    if (due) head = await fetchUpstream(ctx, owner, ownerId, paths, head);
    const summary: ApplyRoundSummary = { head, fetched: due, tried: 0, written: {} };
    // Never fetched: nothing to apply on until a fetch works (the status shows why).
    if (!head) return summary;
    for (const member of owner.members) {
      const tests = testsOf(ctx, member);
      const projectId = projectIds.get(member);
      if (tests.length > 0 && projectId !== undefined)
        await enqueueHeadTests(ctx.db, { projectId, branch: owner.git.branch, commit: head, tests });
    }
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const work = await plan(await load(), head, resolve);
      if (work.length === 0) break;
      for (const w of work) {
        const action = await applyOne(ctx, owner, paths, head, resolve, w);
        summary.tried++;
        const key = action.write === "insert" ? action.record.status : action.write;
        summary.written[key] = (summary.written[key] ?? 0) + 1;
      }
    }
    await recordApplyRun(ctx.db, ownerId, ctx.now?.() ?? new Date());
    return summary;
  });
}

async function fetchUpstream(
  ctx: ApplierContext,
  owner: GitOwner,
  ownerId: number,
  paths: ApplyPaths,
  head: string | null,
): Promise<string | null> {
  const { url, branch } = owner.git;
  try {
    const fetched = await fetchMirror(paths.mirror, url, branch);
    await recordMirrorFetch(ctx.db, ownerId, {
      url,
      branch,
      at: ctx.now?.() ?? new Date(),
      head: fetched.head,
    });
    return fetched.head;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    await recordMirrorFetch(ctx.db, ownerId, {
      url,
      branch,
      at: ctx.now?.() ?? new Date(),
      error: error.message,
    });
    ctx.log.warn({ project: owner.name, err: error.message }, "fetching the upstream repository failed");
    // With an older mirror the round goes on; without one there is nothing to apply on
    // until the next fetch (git.fetchMinutes), which is a retry with no backoff to tune.
    return head;
  }
}

type Resolver = (named: string) => Promise<string | null>;

/** Resolves `base-commit:` values in the mirror, once each per round. */
function commitResolver(mirror: string): Resolver {
  const known = new Map<string, Promise<string | null>>();
  return (named) => {
    let found = known.get(named);
    if (!found) {
      found = resolveCommit(mirror, named).catch(() => null);
      known.set(named, found);
    }
    return found;
  };
}

async function plan(candidates: ApplyCandidate[], head: string, resolve: Resolver): Promise<ApplyWork[]> {
  // Only a series that named a base-commit and was not applied on it asks whether it arrived.
  const asked = candidates.filter(
    (c) =>
      c.baseCommit && c.latest && c.latest.baseKind !== "base-commit" && c.latest.baseKind !== "based-on",
  );
  const found = new Set<string>();
  for (const c of asked) if (await resolve(c.baseCommit!)) found.add(c.baseCommit!);
  return planApply(candidates, { head, hasCommit: (named) => found.has(named) });
}

async function applyOne(
  ctx: ApplierContext,
  owner: GitOwner,
  paths: ApplyPaths,
  head: string,
  resolve: Resolver,
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
    const tests = testsOf(ctx, c.project);
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

function testsOf(ctx: ApplierContext, project: string): ProjectConfig["tests"] {
  return ctx.projects?.find((p) => p.name === project)?.tests ?? [];
}

async function chooseFor(
  ctx: ApplierContext,
  owner: GitOwner,
  head: string,
  resolve: Resolver,
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
