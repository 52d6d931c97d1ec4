import fs from "node:fs";
import path from "node:path";

import { APPLY_GIT_CONFIG } from "./apply-config";
import { GitError } from "./errors";
import { isFullRefName, isObjectId } from "./object-name";
import { runGit, runGitOk } from "./run";

/**
 * A fresh worktree of a bare repository at `commit`, detached, made for one run and
 * removed after it (`removeDetachedWorktree`). Whatever was at `dir` before is dropped.
 */
export async function addDetachedWorktree(gitDir: string, dir: string, commit: string): Promise<void> {
  if (!isObjectId(commit)) throw new GitError("failed", `not an object id: ${JSON.stringify(commit)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  await runGitOk([`--git-dir=${gitDir}`, "worktree", "prune"]);
  await runGitOk([
    `--git-dir=${gitDir}`,
    ...APPLY_GIT_CONFIG,
    "worktree",
    "add",
    "--detach",
    "--force",
    "--quiet",
    dir,
    `${commit}^{commit}`,
  ]);
}

/** Removes the worktree's files and git's record of it; a worktree already gone is no error. */
export async function removeDetachedWorktree(gitDir: string, dir: string): Promise<void> {
  // A test may leave read-only directories behind (a Go module cache does): make them writable first.
  if (fs.existsSync(dir)) makeWritable(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  await runGit([`--git-dir=${gitDir}`, "worktree", "prune"]);
}

/** Deletes every ref under `prefix` (`refs/patchwatch-tester/`), left by runs that ended early. */
export async function deleteRefsUnder(gitDir: string, prefix: string): Promise<void> {
  if (!isFullRefName(prefix.replace(/\/$/, ""))) throw new GitError("failed", `not a ref prefix: ${prefix}`);
  const { stdout } = await runGitOk([`--git-dir=${gitDir}`, "for-each-ref", "--format=%(refname)", prefix]);
  const refs = stdout.toString("utf8").split("\n").filter(Boolean);
  if (refs.length === 0) return;
  const input = refs.map((ref) => `delete ${ref}\n`).join("");
  await runGitOk([`--git-dir=${gitDir}`, "update-ref", "--stdin"], { input });
}

function makeWritable(dir: string): void {
  try {
    fs.chmodSync(dir, 0o700);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isDirectory()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o700);
    }
  } catch {
    // Not ours to change, or unreadable: rmSync reports it if it matters.
  }
}
