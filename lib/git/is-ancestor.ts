import { GitError } from "./errors";
import { isObjectId } from "./object-name";
import { runGit } from "./run";

/**
 * Whether `commit` exists and is reachable from `ref`. `git merge-base --is-ancestor`
 * answers 0 (yes) or 1 (no), and 128 when an object is unknown, which here also means
 * "no": a purged or rewritten archive no longer has the commit we stopped at.
 */
export async function isAncestor(gitDir: string, commit: string, ref: string): Promise<boolean> {
  if (!isObjectId(commit)) throw new GitError("failed", `not an object id: ${JSON.stringify(commit)}`);
  const args = [`--git-dir=${gitDir}`, "merge-base", "--is-ancestor", commit, ref];
  const { code, stderr } = await runGit(args);
  if (code === 0) return true;
  if (code === 1 || code === 128) return false;
  throw new GitError("failed", `git merge-base exited with ${code}: ${stderr.trim()}`, {
    args,
    exitCode: code,
    stderr,
  });
}
