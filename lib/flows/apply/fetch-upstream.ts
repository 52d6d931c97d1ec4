import type { GitOwner } from "../../apply/git-owner";
import type { ApplyPaths } from "../../apply/paths";
import { recordMirrorFetch } from "../../db/apply/mirror-state";
import { GitError } from "../../git/errors";
import { fetchMirror } from "../../git/mirror";
import type { ApplierContext } from "./applier-context";

/**
 * Fetches the project's upstream branch into its mirror and records the fetch, or its
 * failure. Returns the branch head to apply on: the fetched one, or `head` (the mirror's
 * older one, null when never fetched) when the fetch failed.
 */
export async function fetchUpstream(
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
