import type { BaseChoice } from "./choose-base";
import type { ApplyMode } from "./plan-apply";
import { namedBase, type ApplyCandidate, type ApplyRecord, type LatestApply } from "./types";

/**
 * What to write after trying a series: decided from what happened, written by the caller.
 *
 * In `apply` mode the result says what happened. In `rebase` mode the series applied
 * before and the branch head moved: a series applied on the branch head is applied on the
 * new head (new commits, the tag moves); one applied on its own `base-commit:` keeps its
 * commits, and the new head is only a check. Either way a series that no longer applies
 * becomes `needs-rebase`, keeping its earlier commits and tag (still good on their base),
 * and one whose changes are already upstream (git: "Patch already applied") is left as it
 * is: it is merged, which is the merge watcher's business, not a rebase.
 */
export type TryOutcome =
  | { ok: true; commits: string[] }
  | {
      ok: false;
      failedPatch: number | null;
      conflicts: string[];
      log: string;
      alreadyApplied: boolean;
    }
  /** Refused before git saw it (limits, paths): the reason, and the patch when one is to blame. */
  | { ok: false; refused: string; failedPatch: number | null };

export type OutcomeAction =
  | { write: "insert"; record: ApplyRecord; tag: "set" | "delete" | "keep" }
  /** The latest result stands; only the head it was checked against moves. */
  | { write: "checked"; head: string }
  | { write: "nothing" };

export interface OutcomeInput {
  candidate: ApplyCandidate;
  mode: ApplyMode;
  choice: BaseChoice;
  /** Null when nothing was tried (wait, blocked). */
  outcome: TryOutcome | null;
  head: string;
  tag: string;
  publishProject: string;
  fetchUrl: string | null;
  /** rebase failures: the upstream commits touching the conflicting files. */
  conflictCommits?: string[];
}

function emptyRecord(c: ApplyCandidate): ApplyRecord {
  return {
    status: "failed",
    baseKind: null,
    baseNamed: namedBase(c),
    baseCommit: null,
    baseReason: null,
    commits: [],
    headCommit: null,
    tag: null,
    checkedHead: null,
    patchMsgids: c.patchMsgids,
    failedPatch: null,
    conflicts: [],
    conflictRange: null,
    conflictCommits: [],
    log: null,
    publishProject: null,
    fetchUrl: null,
  };
}

export function decideOutcome(input: OutcomeInput): OutcomeAction {
  const { candidate: c, choice, outcome, head } = input;
  const previous = c.latest;
  const base = emptyRecord(c);
  const dropTag = previous?.tag ? ("delete" as const) : ("keep" as const);
  if (choice.kind === "wait") {
    if (previous?.status === "pending" && previous.baseNamed === base.baseNamed) return { write: "nothing" };
    return {
      write: "insert",
      record: { ...base, status: "pending", baseReason: choice.reason },
      tag: dropTag,
    };
  }
  if (choice.kind === "blocked")
    return {
      write: "insert",
      record: { ...base, baseReason: choice.reason, log: choice.reason },
      tag: dropTag,
    };
  const tried = { ...base, baseKind: choice.kind, baseCommit: choice.commit, baseReason: choice.reason };
  if (!outcome) throw new Error("a series with a base must have been tried");
  if ("refused" in outcome) {
    return {
      write: "insert",
      record: { ...tried, failedPatch: outcome.failedPatch, log: outcome.refused },
      tag: dropTag,
    };
  }
  const rebase = input.mode === "rebase" ? previous : null;
  if (outcome.ok) {
    if (rebase?.baseKind === "base-commit") {
      // Applied on its own base-commit, and it applies on the new head too.
      if (rebase.status === "applied") return { write: "checked", head };
      return {
        write: "insert",
        record: { ...keepApplied(rebase, base), status: "applied", checkedHead: head },
        tag: "keep",
      };
    }
    const record: ApplyRecord = {
      ...tried,
      status: "applied",
      commits: outcome.commits,
      headCommit: outcome.commits.at(-1) ?? choice.commit,
      tag: input.tag,
      checkedHead: head,
      publishProject: input.publishProject,
      fetchUrl: input.fetchUrl,
    };
    return { write: "insert", record, tag: "set" };
  }
  if (!rebase) {
    return {
      write: "insert",
      record: { ...tried, failedPatch: outcome.failedPatch, conflicts: outcome.conflicts, log: outcome.log },
      tag: dropTag,
    };
  }
  if (outcome.alreadyApplied) return { write: "checked", head };
  return {
    write: "insert",
    record: {
      ...keepApplied(rebase, base),
      status: "needs-rebase",
      checkedHead: head,
      failedPatch: outcome.failedPatch,
      conflicts: outcome.conflicts,
      conflictRange: rebase.baseCommit ? `${rebase.baseCommit}..${head}` : null,
      conflictCommits: input.conflictCommits ?? [],
      log: outcome.log,
    },
    tag: "keep",
  };
}

/** The applied part of an earlier result: its base, commits and tag. */
function keepApplied(previous: LatestApply, base: ApplyRecord): ApplyRecord {
  return {
    ...base,
    baseKind: previous.baseKind,
    baseNamed: previous.baseNamed,
    baseCommit: previous.baseCommit,
    baseReason: previous.baseReason,
    commits: previous.commits,
    headCommit: previous.headCommit,
    tag: previous.tag,
    patchMsgids: previous.patchMsgids,
    publishProject: previous.publishProject,
    fetchUrl: previous.fetchUrl,
  };
}
