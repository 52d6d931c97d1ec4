import { GitError } from "./errors";
import { isFullRefName } from "./object-name";
import { runGit } from "./run";

/** A `refs/tags/…` name of the characters seriesTagName writes, with no revision syntax (`..`, `@{`, `:`). */
function isTagRef(name: string): boolean {
  return /^refs\/tags\/[A-Za-z0-9._/+=@-]+$/.test(name) && !name.includes("..") && !name.includes("//");
}

/**
 * The full id of the commit `name` names in a repository (an abbreviated or full hex id,
 * as `base-commit:` gives it, or a full ref name), or null when the repository has no
 * such commit or an abbreviation is ambiguous.
 */
export async function resolveCommit(gitDir: string, name: string): Promise<string | null> {
  if (!/^[0-9a-f]{4,64}$/.test(name) && !isFullRefName(name) && !isTagRef(name))
    throw new GitError("failed", `not a commit name: ${JSON.stringify(name)}`);
  const { code, stdout } = await runGit([
    `--git-dir=${gitDir}`,
    "rev-parse",
    "--verify",
    "--quiet",
    "--end-of-options",
    `${name}^{commit}`,
  ]);
  return code === 0 ? stdout.toString().trim() : null;
}
