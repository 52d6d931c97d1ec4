import { GitError } from "./errors";
import { isFullRefName, isObjectId } from "./object-name";
import { streamGitLines } from "./stream-lines";

export interface ListCommitsOptions {
  /** Only commits after this one (reachable from `ref` but not from `since`). */
  since?: string | undefined;
}

/**
 * Commits of `ref`, oldest first, streamed one id at a time (`git rev-list --reverse`).
 * git itself walks the whole history before printing the first line (it must, to
 * reverse it), but at ~50 bytes per commit that is its memory, not ours.
 */
export async function* listCommits(
  gitDir: string,
  ref: string,
  options: ListCommitsOptions = {},
): AsyncGenerator<string, void, undefined> {
  if (!isFullRefName(ref) && !isObjectId(ref))
    throw new GitError("failed", `not a ref: ${JSON.stringify(ref)}`);
  if (options.since !== undefined && !isObjectId(options.since)) {
    throw new GitError("failed", `not an object id: ${JSON.stringify(options.since)}`);
  }
  const range = options.since ? [`^${options.since}`, ref] : [ref];
  // --end-of-options (git >= 2.24): nothing after it can be read as an option.
  yield* streamGitLines([`--git-dir=${gitDir}`, "rev-list", "--reverse", "--end-of-options", ...range]);
}
