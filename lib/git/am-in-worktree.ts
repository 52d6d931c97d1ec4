import { type AmResult, gitAm } from "./am";
import { cleanWorktree, prepareWorktree } from "./worktree";

/**
 * One series in the applier's reused worktree: brought to exactly `base` (prepareWorktree
 * removes whatever the last use left), then `git am --3way` of the mbox. A failure, or
 * git itself failing, is cleaned up at once, so a stranger's half-applied files do not
 * wait on disk for the next series. A success is left as it is: the tree is then clean
 * at the series' last commit, and cleaning it only for prepareWorktree to do the same
 * work again cost as much as `git am` itself (bench/apply).
 */
export async function amInWorktree(
  gitDir: string,
  worktree: string,
  mboxPath: string,
  options: { base: string; timeoutMs: number },
): Promise<AmResult> {
  let am: AmResult | null = null;
  try {
    await prepareWorktree(gitDir, worktree, options.base);
    am = await gitAm(worktree, mboxPath, options);
    return am;
  } finally {
    // The next prepareWorktree cleans too; a failure here must not hide the series' result.
    if (!am?.ok) await cleanWorktree(worktree).catch(() => undefined);
  }
}
