import { GitError } from "./errors";
import { isObjectId } from "./object-name";
import { runGitOk } from "./run";

/**
 * Commits of `from..to` that touch any of `files`, newest first, at most `max`: the
 * upstream changes a series conflicts with.
 */
export async function commitsTouching(
  gitDir: string,
  from: string,
  to: string,
  files: readonly string[],
  max: number,
): Promise<string[]> {
  if (!isObjectId(from) || !isObjectId(to)) throw new GitError("failed", "commitsTouching takes object ids");
  if (files.length === 0) return [];
  // --literal-pathspecs: a file named `*` or `:(glob)x` is that file, not a pattern.
  const { stdout } = await runGitOk([
    `--git-dir=${gitDir}`,
    "--literal-pathspecs",
    "rev-list",
    `--max-count=${max}`,
    `${from}..${to}`,
    "--",
    ...files,
  ]);
  return stdout.toString().split("\n").filter(Boolean);
}
