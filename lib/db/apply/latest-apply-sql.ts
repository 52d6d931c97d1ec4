import type { ApplyStatus, BaseKind, LatestApply } from "../../apply/types";

/** The columns of apply_result the applier reads back, as `<prefix>_<column>`. */
export function latestApplyColumns(alias: string, prefix: string): string {
  return [
    "id",
    "status",
    "base_kind",
    "base_named",
    "base_commit",
    "base_reason",
    "head_commit",
    "checked_head",
    "patch_msgids",
    "commits",
    "tag",
    "publish_project",
    "fetch_url",
  ]
    .map((c) => `${alias}.${c} AS ${prefix}_${c}`)
    .join(", ");
}

export interface LatestApplySql {
  id: bigint | null;
  status: string | null;
  base_kind: string | null;
  base_named: string | null;
  base_commit: string | null;
  base_reason: string | null;
  head_commit: string | null;
  checked_head: string | null;
  patch_msgids: string[] | null;
  commits: string[] | null;
  tag: string | null;
  publish_project: string | null;
  fetch_url: string | null;
}

/** Reads the `<prefix>_…` columns of a row as a LatestApply (null when the series has no result). */
export function toLatestApply(row: Record<string, unknown>, prefix: string): LatestApply | null {
  const get = <K extends keyof LatestApplySql>(k: K) => row[`${prefix}_${k}`] as LatestApplySql[K];
  const id = get("id");
  if (id === null || id === undefined) return null;
  return {
    id: BigInt(id),
    status: get("status") as ApplyStatus,
    baseKind: get("base_kind") as BaseKind | null,
    baseNamed: get("base_named"),
    baseCommit: get("base_commit"),
    baseReason: get("base_reason"),
    headCommit: get("head_commit"),
    checkedHead: get("checked_head"),
    patchMsgids: get("patch_msgids") ?? [],
    commits: get("commits") ?? [],
    tag: get("tag"),
    publishProject: get("publish_project"),
    fetchUrl: get("fetch_url"),
  };
}

/** The latest result of series `<series id expression>`: a LATERAL subquery body. */
export function latestApplyLateral(seriesId: string): string {
  return `SELECT * FROM apply_result ar WHERE ar.series_id = ${seriesId} ORDER BY ar.created_at DESC, ar.id DESC LIMIT 1`;
}
