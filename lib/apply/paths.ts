import path from "node:path";

/**
 * Where the applier keeps a project's repositories, all below the data directory:
 * - `git/mirrors/<P>.git`: a bare mirror of upstream, fetched before applying;
 * - `git/worktrees/<P>/<n>`: the private worktrees series are applied in, reused;
 * - `git/<P>.git`: the publish repository, which holds only `patchwatch/…` tags and what
 *   they need, and is served read-only over git's smart HTTP at /git/<P>.
 * Project names are checked by the configuration (lower-case letters, digits, `._-`), so
 * they are safe path components.
 */
export interface ApplyPaths {
  mirror: string;
  publish: string;
  worktrees: string;
  worktree: string;
  /** The mbox handed to `git am`, next to the worktree (never inside a tree git checks out). */
  mbox: string;
}

export function applyPaths(dataDir: string, project: string, slot = 0): ApplyPaths {
  const git = path.join(dataDir, "git");
  const worktrees = path.join(git, "worktrees", project);
  return {
    mirror: path.join(git, "mirrors", `${project}.git`),
    publish: path.join(git, `${project}.git`),
    worktrees,
    worktree: path.join(worktrees, String(slot)),
    mbox: path.join(worktrees, `${slot}.mbox`),
  };
}
