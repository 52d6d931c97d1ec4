import fs from "node:fs";
import path from "node:path";

import { checkRefFormat } from "./check-ref-format";
import { GitError } from "./errors";
import { MIRROR_FETCH_TIMEOUT_MS } from "./limits";
import { resolveCommit } from "./resolve-commit";
import { runGit, runGitOk } from "./run";

/**
 * A bare mirror of an upstream repository's branches (not its tags, not its other refs):
 * what series are applied on. The URL comes from the projects file; a local path works
 * too. The first fetch is a full clone and may take minutes; later ones bring what is new.
 */
export interface MirrorState {
  /** The commit the branch points to after the fetch. */
  head: string;
}

export async function ensureBareRepo(gitDir: string): Promise<void> {
  if (fs.existsSync(path.join(gitDir, "HEAD"))) return;
  fs.mkdirSync(path.dirname(gitDir), { recursive: true });
  await runGitOk(["init", "--bare", "--quiet", gitDir]);
}

export async function fetchMirror(
  gitDir: string,
  url: string,
  branch: string,
  options: { timeoutMs?: number } = {},
): Promise<MirrorState> {
  const ref = `refs/heads/${branch}`;
  if (!(await checkRefFormat(ref)))
    throw new GitError("failed", `not a branch name: ${JSON.stringify(branch)}`);
  if (url.startsWith("-")) throw new GitError("failed", `not a repository URL: ${JSON.stringify(url)}`);
  await ensureBareRepo(gitDir);
  // --prune only touches refs the refspec maps to (refs/heads/*): tags kept here stay.
  await runGitOk(
    [
      `--git-dir=${gitDir}`,
      "fetch",
      "--quiet",
      "--prune",
      "--no-tags",
      "--end-of-options",
      url,
      "+refs/heads/*:refs/heads/*",
    ],
    { timeoutMs: options.timeoutMs ?? MIRROR_FETCH_TIMEOUT_MS },
  );
  return { head: await mirrorHead(gitDir, branch) };
}

/** The branch head the mirror has now (no fetch). */
export async function mirrorHead(gitDir: string, branch: string): Promise<string> {
  const head = fs.existsSync(path.join(gitDir, "HEAD"))
    ? await resolveCommit(gitDir, `refs/heads/${branch}`)
    : null;
  if (!head) throw new GitError("failed", `the mirror has no branch ${JSON.stringify(branch)}`);
  return head;
}

/** Whether `commit` is known to the repository (any object type named by a full id). */
export async function hasCommit(gitDir: string, commit: string): Promise<boolean> {
  const { code } = await runGit([`--git-dir=${gitDir}`, "cat-file", "-e", `${commit}^{commit}`]);
  return code === 0;
}
