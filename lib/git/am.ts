import fs from "node:fs";
import path from "node:path";

import { alreadyAppliedPatches, readAmFailure } from "../apply/am-output";
import { APPLIER_IDENTITY, APPLY_GIT_CONFIG } from "./apply-config";
import { GitError } from "./errors";
import { AM_MAX_OUTPUT_BYTES } from "./limits";
import { isObjectId } from "./object-name";
import { runGit, runGitOk } from "./run";
import { amStateDir } from "./worktree";

export type AmResult =
  | { ok: true; commits: string[] }
  | {
      ok: false;
      /** 1-based index of the patch git stopped at. */
      failedPatch: number | null;
      /** Files with conflicts (unmerged after the 3-way merge), else those git named. */
      conflicts: string[];
      /** What git printed, stdout then stderr. */
      output: string;
      alreadyApplied: boolean;
    };

/**
 * `git am --3way` of an mboxrd file in a worktree prepared at `base` (prepareWorktree).
 * Killed after `timeoutMs` (GitError `timeout`) or when it prints more than
 * AM_MAX_OUTPUT_BYTES (`output-too-large`). On success, the commits it made, one per
 * patch, oldest first; on failure, what the series page needs to say why.
 */
export async function gitAm(
  worktree: string,
  mboxPath: string,
  options: { base: string; timeoutMs: number },
): Promise<AmResult> {
  if (!isObjectId(options.base)) throw new GitError("failed", `not an object id: ${options.base}`);
  // mboxrd: lines reading ">From " were escaped when the file was written.
  const result = await runGit(
    [...APPLY_GIT_CONFIG, "am", "--3way", "--patch-format=mboxrd", "--", path.resolve(mboxPath)],
    {
      cwd: worktree,
      env: APPLIER_IDENTITY,
      timeoutMs: options.timeoutMs,
      maxOutputBytes: AM_MAX_OUTPUT_BYTES,
    },
  );
  const output = [result.stdout.toString("utf8"), result.stderr].filter(Boolean).join("\n").trimEnd();
  const skipped = alreadyAppliedPatches(output);
  if (result.code === 0 && skipped.length === 0) {
    const { stdout } = await runGitOk(["rev-list", "--reverse", `${options.base}..HEAD`], { cwd: worktree });
    return { ok: true, commits: stdout.toString().split("\n").filter(Boolean) };
  }
  if (result.code === 0) {
    // Not one commit per patch: part of the series is upstream already.
    return { ok: false, failedPatch: skipped[0]!, conflicts: [], output, alreadyApplied: true };
  }
  const said = readAmFailure(output);
  const unmerged = await runGit(["diff", "--name-only", "--diff-filter=U", "-z"], { cwd: worktree });
  const conflicts = unmerged.code === 0 ? unmerged.stdout.toString("utf8").split("\0").filter(Boolean) : [];
  return {
    ok: false,
    failedPatch: said.patch ?? (await stoppedAt(worktree)),
    conflicts: conflicts.length ? conflicts : said.files,
    output,
    alreadyApplied: said.alreadyApplied,
  };
}

/** The patch number `git am` stopped at, from its state directory (`next`). */
async function stoppedAt(worktree: string): Promise<number | null> {
  try {
    const next = fs.readFileSync(path.join(await amStateDir(worktree), "next"), "utf8").trim();
    return /^\d+$/.test(next) ? Number(next) : null;
  } catch {
    return null;
  }
}
