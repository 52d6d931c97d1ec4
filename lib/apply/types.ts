/**
 * The applier's vocabulary. A series has a list of apply results, the latest first; each
 * says on what base the series was tried, why that base, and what came of it.
 */

/**
 * - `applied`: every patch applied; `commits` holds one commit per patch, tagged.
 * - `failed`: a patch did not apply, or the series was refused before git saw it.
 * - `pending`: waiting for the series its `Based-on:` names to be applied.
 * - `needs-rebase`: applied before, but no longer applies on the moved branch head; the
 *   earlier commits and tag stay valid on their old base.
 */
export const APPLY_STATUSES = ["applied", "failed", "pending", "needs-rebase"] as const;
/** apply_result.status (constraint apply_result_status_check, migration 20261129090000_state_checks). */
export type ApplyStatus = (typeof APPLY_STATUSES)[number];

/** What a series was applied on: the commit it named, the series it named, or the branch head. */
export const BASE_KINDS = ["base-commit", "based-on", "branch-head"] as const;
/** apply_result.base_kind (constraint apply_result_base_kind_check, migration 20261129090000_state_checks). */
export type BaseKind = (typeof BASE_KINDS)[number];

/** The latest apply result of a series, as far as deciding what to do next needs it. */
export interface LatestApply {
  id: bigint;
  status: ApplyStatus;
  baseKind: BaseKind | null;
  /** What the series named as its base when it was applied (namedBase). */
  baseNamed: string | null;
  baseCommit: string | null;
  baseReason: string | null;
  /** The last commit of the applied series (the tagged one). */
  headCommit: string | null;
  /** The branch head the series was last tried against. */
  checkedHead: string | null;
  patchMsgids: string[];
  commits: string[];
  tag: string | null;
  publishProject: string | null;
  fetchUrl: string | null;
}

/** The state of the series a `Based-on:` names, when it is a series Patchwatch knows. */
export interface BasedOnTarget {
  headMsgid: string;
  latest: { status: ApplyStatus; headCommit: string | null } | null;
}

/** A complete, open series of a project that the applier may have to (re)apply. */
export interface ApplyCandidate {
  seriesId: bigint;
  project: string;
  headMsgid: string;
  version: number;
  /** `base-commit:` as the mail wrote it (7 to 64 hex digits). */
  baseCommit: string | null;
  /** The first `Based-on:` (a series' head Message-ID when known, else as written). */
  basedOn: string | null;
  /** Null when `basedOn` names no series Patchwatch has. */
  basedOnTarget: BasedOnTarget | null;
  patchMsgids: string[];
  /** Sizes of the raw patch mails, to refuse a series before reading it. */
  largestPatchBytes: number;
  totalPatchBytes: number;
  latest: LatestApply | null;
}

/** What a series names as its base, as one comparable string: it changes when the mail's statement does. */
export function namedBase(c: Pick<ApplyCandidate, "baseCommit" | "basedOn">): string | null {
  const parts = [
    ...(c.basedOn ? [`based-on:${c.basedOn}`] : []),
    ...(c.baseCommit ? [`base-commit:${c.baseCommit}`] : []),
  ];
  return parts.length ? parts.join(" ") : null;
}

/** One apply result as it is written: a row of apply_result. */
export interface ApplyRecord {
  status: ApplyStatus;
  baseKind: BaseKind | null;
  baseNamed: string | null;
  baseCommit: string | null;
  baseReason: string | null;
  commits: string[];
  headCommit: string | null;
  tag: string | null;
  checkedHead: string | null;
  patchMsgids: string[];
  /** 1-based index of the patch that did not apply or was refused. */
  failedPatch: number | null;
  conflicts: string[];
  /** needs-rebase: the upstream commits the series has not seen, `<old base>..<new head>`. */
  conflictRange: string | null;
  /** needs-rebase: the commits of that range touching the conflicting files, newest first. */
  conflictCommits: string[];
  log: string | null;
  /** The project whose publish repository holds the tag. */
  publishProject: string | null;
  /** The configured remote the tag was also pushed to, as people fetch from it. */
  fetchUrl: string | null;
}
