import fs from "node:fs";
import path from "node:path";

import { runGitOk } from "./run";

/**
 * Test support: a working repository where tests make real commits (files, renames, mode
 * changes, binaries) and turn them into real patch mails with `git format-patch`. Dates
 * are fixed so that commit ids and mails are the same on every run.
 */
export const TEST_IDENTITY = {
  GIT_AUTHOR_NAME: "Ada Author",
  GIT_AUTHOR_EMAIL: "ada@example.org",
  GIT_AUTHOR_DATE: "@1750000000 +0000",
  GIT_COMMITTER_NAME: "Ada Author",
  GIT_COMMITTER_EMAIL: "ada@example.org",
  GIT_COMMITTER_DATE: "@1750000000 +0000",
};

export type FileChange = string | Buffer | null | { mode: "755" | "644" } | { renameFrom: string };

export async function git(dir: string, args: string[], input?: string): Promise<string> {
  const { stdout } = await runGitOk(args, { cwd: dir, env: TEST_IDENTITY, input });
  return stdout.toString();
}

export async function initWorkRepo(dir: string, branch = "master"): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  await git(dir, ["init", "-q", "-b", branch]);
}

/**
 * Commits `changes`: text or bytes to write, null to delete, a mode to set, or a rename.
 * Returns the new commit id.
 */
export async function commit(
  dir: string,
  changes: Record<string, FileChange>,
  message: string,
): Promise<string> {
  for (const [file, change] of Object.entries(changes)) {
    const full = path.join(dir, file);
    if (change === null) await git(dir, ["rm", "-q", "--", file]);
    else if (typeof change === "string" || Buffer.isBuffer(change)) {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, change);
      await git(dir, ["add", "--", file]);
    } else if ("mode" in change) {
      fs.chmodSync(full, change.mode === "755" ? 0o755 : 0o644);
      await git(dir, ["add", "--", file]);
    } else await git(dir, ["mv", "--", change.renameFrom, file]);
  }
  await git(dir, ["commit", "-q", "--allow-empty", "-m", message]);
  return (await git(dir, ["rev-parse", "HEAD"])).trim();
}

/** `git format-patch --stdout` of `range` as one mbox, threaded, with `--base` when given. */
export async function formatPatches(
  dir: string,
  range: string,
  options: { base?: string; cover?: boolean; to?: string; subjectPrefix?: string } = {},
): Promise<string> {
  return git(dir, [
    "format-patch",
    "--stdout",
    "--thread=shallow",
    ...(options.cover ? ["--cover-letter"] : []),
    ...(options.base ? [`--base=${options.base}`] : []),
    ...(options.to ? [`--to=${options.to}`] : []),
    ...(options.subjectPrefix ? [`--subject-prefix=${options.subjectPrefix}`] : []),
    range,
  ]);
}
