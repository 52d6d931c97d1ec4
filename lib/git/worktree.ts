import fs from "node:fs";
import path from "node:path";

import { APPLY_GIT_CONFIG } from "./apply-config";
import { addDetachedWorktree } from "./detached-worktree";
import { GitError } from "./errors";
import { isObjectId } from "./object-name";
import { runGit, runGitOk } from "./run";

/**
 * A private worktree of a bare repository, reused from series to series: a checkout of a
 * large tree costs seconds, moving an existing one to another base costs what differs.
 * Before each use it is brought back to exactly `base`: a `git am` left half-done is
 * dropped, changes and untracked files (a previous series' conflicts) are removed.
 */
export async function prepareWorktree(gitDir: string, dir: string, base: string): Promise<void> {
  if (!isObjectId(base)) throw new GitError("failed", `not an object id: ${JSON.stringify(base)}`);
  const own = worktreeGitDir(gitDir, dir);
  if (own) {
    // A `git am` left half-done keeps its state here (git-am(1): `.git/rebase-apply`).
    fs.rmSync(path.join(own, "rebase-apply"), { recursive: true, force: true });
    await runGitOk([...APPLY_GIT_CONFIG, "reset", "--hard", "--quiet", base], { cwd: dir });
    await runGitOk([...APPLY_GIT_CONFIG, "clean", "-ffdxq"], { cwd: dir });
    return;
  }
  await addDetachedWorktree(gitDir, dir, base);
}

/** Leaves the worktree at its HEAD with nothing else in it: no am in progress, no changes, no untracked files. */
export async function cleanWorktree(dir: string): Promise<void> {
  if (!(await isWorktree(dir))) return;
  await dropAmState(dir);
  await runGitOk([...APPLY_GIT_CONFIG, "reset", "--hard", "--quiet"], { cwd: dir });
  await runGitOk([...APPLY_GIT_CONFIG, "clean", "-ffdxq"], { cwd: dir });
}

/**
 * The worktree's own git directory, `<gitDir>/worktrees/<name>`, as its `.git` file names
 * it (gitrepository-layout(5)); null when `dir` is not a live worktree of `gitDir`, which
 * is then made again. Read from files rather than asked of git: prepareWorktree runs
 * before every series, and each git process costs milliseconds.
 */
function worktreeGitDir(gitDir: string, dir: string): string | null {
  try {
    const link = /^gitdir: (.+)\n?$/.exec(fs.readFileSync(path.join(dir, ".git"), "utf8"));
    if (!link) return null;
    const own = fs.realpathSync(path.resolve(dir, link[1]!));
    if (path.dirname(own) !== path.join(fs.realpathSync(gitDir), "worktrees")) return null;
    return fs.existsSync(path.join(own, "HEAD")) && fs.existsSync(path.join(own, "commondir")) ? own : null;
  } catch {
    return null;
  }
}

async function isWorktree(dir: string): Promise<boolean> {
  if (!fs.existsSync(path.join(dir, ".git"))) return false;
  const { code, stdout } = await runGit(["rev-parse", "--is-inside-work-tree"], { cwd: dir });
  return code === 0 && stdout.toString().trim() === "true";
}

/** The directory where `git am` keeps a series it stopped in (git-am(1): `.git/rebase-apply`). */
export async function amStateDir(dir: string): Promise<string> {
  const { stdout } = await runGitOk(["rev-parse", "--git-path", "rebase-apply"], { cwd: dir });
  return path.resolve(dir, stdout.toString().trim());
}

async function dropAmState(dir: string): Promise<void> {
  fs.rmSync(await amStateDir(dir), { recursive: true, force: true });
}
