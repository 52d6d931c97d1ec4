import { seriesFetchUrl } from "../routes";
import type { ApplyView } from "../db/apply/latest-apply-view";

/** The `apply` of a series in the REST API; the fetch URL of this server is root-relative. */
export function applyJson(view: ApplyView | null) {
  if (!view) return null;
  return {
    status: view.status,
    baseKind: view.baseKind,
    baseCommit: view.baseCommit,
    baseReason: view.baseReason,
    commits: view.commits,
    tag: view.tag,
    fetchUrl: seriesFetchUrl(view, ""),
    failedPatch: view.failedPatch,
    conflicts: view.conflicts,
    conflictRange: view.conflictRange,
    conflictCommits: view.conflictCommits,
    log: view.log,
    date: view.createdAt.toISOString(),
  };
}
