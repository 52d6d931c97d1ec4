import { type ChildProcessByStdio, spawn } from "node:child_process";
import type { Readable, Writable } from "node:stream";

import { gitEnv } from "./env";
import { GitError } from "./errors";

export type GitProcess = ChildProcessByStdio<Writable, Readable, Readable>;

export interface SpawnGitOptions {
  cwd?: string | undefined;
  env?: Record<string, string> | undefined;
}

/**
 * The single place Patchwatch starts a git process. Arguments go to execve as they are,
 * never through a shell, so a subject or Message-ID can never become a command.
 *
 * The child leads its own process group (detached) so that a timeout can kill git and
 * whatever it started (remote helpers, pack-objects) with one signal: see killGitProcess.
 */
export function spawnGit(args: readonly string[], options: SpawnGitOptions = {}): GitProcess {
  for (const arg of args) {
    // execve would truncate at a NUL; refuse rather than run a different command.
    if (arg.includes("\0"))
      throw new GitError("spawn-failed", "a git argument contains a NUL byte", { args });
  }
  try {
    return spawn("git", [...args], {
      cwd: options.cwd,
      // Next.js's types make NODE_ENV required in ProcessEnv; git has no use for it.
      env: gitEnv(options.env) as NodeJS.ProcessEnv,
      shell: false,
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
    });
  } catch (cause) {
    throw new GitError("spawn-failed", `could not start git: ${String(cause)}`, { args, cause });
  }
}

/** How long git has to remove its lock files after SIGTERM before it is killed outright. */
const TERM_GRACE_MS = 2_000;

/**
 * Stops git and its own children (the whole process group): SIGTERM first, on which git
 * removes the lock files it holds (a SIGKILL mid-update leaves `packed-refs.lock` behind,
 * and every later ref update of the repository fails), then SIGKILL if it is still there.
 */
export function killGitProcess(child: GitProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) signalGroup(child, "SIGKILL");
  }, TERM_GRACE_MS);
  timer.unref();
  child.once("exit", () => clearTimeout(timer));
}

function signalGroup(child: GitProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}
