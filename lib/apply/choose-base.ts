import type { ApplyStatus, BaseKind } from "./types";

/**
 * Where to apply a series, and why (the reason is shown on the series page as written).
 *
 * 1. `Based-on: <msgid>` naming a series Patchwatch has: on top of that series' applied
 *    commits. It comes before `base-commit:` because a series posted with a prerequisite
 *    (b4 `prerequisite-message-id:`, or `git format-patch --base` run on top of the
 *    prerequisite) names as base-commit a commit the prerequisite itself applies to, or
 *    one that exists only in the author's tree. While that series is not applied yet the
 *    answer is to wait; when it failed, this one cannot apply either.
 * 2. `base-commit:` (git format-patch --base), when the upstream repository has it.
 * 3. Otherwise the head of the project's branch; the reason says what was named and
 *    missing, so the series is tried again on its own base when that appears.
 */
export interface BaseFacts {
  branch: string;
  /** The branch head in the mirror. */
  head: string;
  /** `base-commit:` as written, and the full commit id the mirror resolves it to (null: not there). */
  baseCommit: { named: string; resolved: string | null } | null;
  /** The first `Based-on:`; target null when it names no series Patchwatch has. */
  basedOn: {
    msgid: string;
    target: { headMsgid: string; status: ApplyStatus | null; headCommit: string | null } | null;
  } | null;
}

export type BaseChoice =
  | { kind: BaseKind; commit: string; reason: string }
  | { kind: "wait"; reason: string }
  | { kind: "blocked"; reason: string };

const short = (sha: string) => sha.slice(0, 12);

export function chooseBase(facts: BaseFacts): BaseChoice {
  const { basedOn, baseCommit } = facts;
  const notes: string[] = [];
  if (basedOn?.target) {
    const { target } = basedOn;
    const named = `Based-on: <${basedOn.msgid}>`;
    if ((target.status === "applied" || target.status === "needs-rebase") && target.headCommit) {
      return {
        kind: "based-on",
        commit: target.headCommit,
        reason: `${named}: on top of that series' applied commits (${short(target.headCommit)})`,
      };
    }
    if (target.status === "failed")
      return { kind: "blocked", reason: `${named}: that series does not apply, so this one cannot` };
    return { kind: "wait", reason: `${named}: waiting for that series to be applied` };
  }
  if (basedOn) notes.push(`Based-on: <${basedOn.msgid}> names no series known here`);
  if (baseCommit?.resolved) {
    return {
      kind: "base-commit",
      commit: baseCommit.resolved,
      reason: [
        `base-commit: ${short(baseCommit.resolved)} named by the series (git format-patch --base)`,
        ...notes,
      ].join("; "),
    };
  }
  if (baseCommit) notes.push(`base-commit: ${baseCommit.named} is not in the upstream repository`);
  const head = `the head of ${facts.branch} (${short(facts.head)})`;
  return {
    kind: "branch-head",
    commit: facts.head,
    reason: notes.length ? `${notes.join("; ")}; applied on ${head}` : `no base named; applied on ${head}`,
  };
}
