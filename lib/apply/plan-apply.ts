import { namedBase, type ApplyCandidate } from "./types";

/**
 * Which series to apply now, and in what order: a decision over what the database and
 * the mirror say, with no side effects. A series is (re)applied when
 * - it has no result yet, its patches changed (a late patch, a partial reroll), or what it
 *   names as its base changed (a `Based-on:` reply);
 * - the series its `Based-on:` names was applied, applied again, failed, or disappeared;
 * - its `base-commit:` was missing upstream and has now arrived;
 * and it is retried on the branch head ("rebase") when it applied before and the branch
 * head moved since it was last tried. A series applied on top of another one follows
 * that one instead.
 *
 * Every rule compares the latest result with the present, and applying records the
 * present, so planning again right after finds nothing left: the applier repeats
 * plan-and-apply until then (dependents of a series applied in this round come next).
 */
export type ApplyMode = "apply" | "rebase";

export interface ApplyWork {
  candidate: ApplyCandidate;
  mode: ApplyMode;
  why: string;
}

export interface PlanContext {
  /** The branch head in the mirror now. */
  head: string;
  /** Whether the mirror has the commit a `base-commit:` names. */
  hasCommit: (named: string) => boolean;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** What a series needs now, or null. */
export function workFor(c: ApplyCandidate, ctx: PlanContext): { mode: ApplyMode; why: string } | null {
  const r = c.latest;
  const apply = (why: string) => ({ mode: "apply" as const, why });
  if (!r) return apply("new series");
  if (!sameList(r.patchMsgids, c.patchMsgids)) return apply("its patches changed");
  if (r.baseNamed !== namedBase(c)) return apply("the base it names changed");
  const target = c.basedOnTarget;
  if (c.basedOn && target) {
    const t = target.latest;
    const ready = Boolean(t?.headCommit && (t.status === "applied" || t.status === "needs-rebase"));
    if (ready && (r.baseKind !== "based-on" || r.baseCommit !== t!.headCommit))
      return apply("the series it is based on was applied");
    if (t?.status === "failed" && r.status !== "failed") return apply("the series it is based on failed");
    if (!ready && t?.status !== "failed" && r.status !== "pending")
      return apply("the series it is based on is not applied");
    return null;
  }
  if (c.basedOn && (r.baseKind === "based-on" || r.status === "pending"))
    return apply("the series it was based on is gone");
  if (c.baseCommit && r.baseKind !== "base-commit" && ctx.hasCommit(c.baseCommit))
    return apply("its base-commit arrived upstream");
  if ((r.status === "applied" || r.status === "needs-rebase") && r.checkedHead !== ctx.head)
    return { mode: "rebase", why: "the branch head moved" };
  return null;
}

const keyOf = (project: string, headMsgid: string) => `${project}\n${headMsgid}`;

/** The work, each series after the series its `Based-on:` names when both have work. */
export function planApply(candidates: readonly ApplyCandidate[], ctx: PlanContext): ApplyWork[] {
  const work = new Map<string, ApplyWork>();
  for (const candidate of candidates) {
    const w = workFor(candidate, ctx);
    if (w) work.set(keyOf(candidate.project, candidate.headMsgid), { candidate, ...w });
  }
  const ordered: ApplyWork[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (key: string) => {
    const w = work.get(key);
    if (!w || state.has(key)) return; // "visiting": a Based-on cycle; the order inside it does not matter
    state.set(key, "visiting");
    const { project, basedOn } = w.candidate;
    if (basedOn) visit(keyOf(project, w.candidate.basedOnTarget?.headMsgid ?? basedOn));
    state.set(key, "done");
    ordered.push(w);
  };
  for (const key of work.keys()) visit(key);
  return ordered;
}
