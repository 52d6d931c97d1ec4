import fs from "node:fs";
import path from "node:path";

import type { ProjectConfig } from "../../config/projects-file";
import { gitOwnerOf } from "../../apply/git-owner";
import { amTimeoutMs, checkSeriesSize, clipLog } from "../../apply/limits";
import { checkPatchPaths } from "../../apply/patch-paths";
import { applyPaths } from "../../apply/paths";
import type { ApplyOutcome } from "../../format-check/types";
import { amInWorktree } from "../../git/am-in-worktree";
import { GitError } from "../../git/errors";
import { mirrorHead } from "../../git/mirror";
import { cleanWorktree } from "../../git/worktree";
import { formatMboxrdEntry } from "../../mbox/write-mboxrd";

/**
 * Whether a submitted series applies to the branch head: `git am --3way` of the mails as
 * they were sent, in the applier's mirror, in a worktree of its own (the applier's stay
 * untouched). Refused before git sees it when too large or when a patch leaves the tree,
 * as the applier does. Skipped, with the reason, when the project has no tree or the
 * applier has not fetched it yet, or when parts are missing.
 */
export async function formatCheckApply(
  deps: { dataDir: string; projects: readonly ProjectConfig[] },
  project: string,
  patches: { index: number; raw: Buffer; diff: string }[],
  complete: boolean,
): Promise<ApplyOutcome> {
  if (!complete) return { state: "skipped", reason: "parts of the series are missing" };
  if (patches.length === 0) return { state: "skipped", reason: "no patch to apply" };
  const owner = gitOwnerOf(deps.projects, project);
  const git = deps.projects.find((p) => p.name === owner)?.git;
  if (!owner || !git) return { state: "skipped", reason: "the project has no git tree configured" };
  const paths = applyPaths(deps.dataDir, owner);
  const head = await mirrorHead(paths.mirror, git.branch).catch(() => null);
  if (!head) return { state: "skipped", reason: `the ${git.branch} branch has not been fetched yet` };
  const failed = (patch: number | null, output: string): ApplyOutcome => ({
    state: "failed",
    branch: git.branch,
    head,
    patch,
    conflicts: [],
    output,
  });

  const sizes = patches.map((p) => p.raw.length);
  const tooLarge = checkSeriesSize({
    patches: patches.length,
    largestPatchBytes: Math.max(...sizes),
    totalPatchBytes: sizes.reduce((a, b) => a + b, 0),
  });
  if (tooLarge) return failed(null, tooLarge);
  for (const p of patches) {
    const check = checkPatchPaths(p.diff);
    if (!check.ok) return failed(p.index, check.message);
  }

  const worktree = path.join(paths.worktrees, "format-check");
  const mbox = path.join(paths.worktrees, "format-check.mbox");
  fs.mkdirSync(paths.worktrees, { recursive: true });
  fs.writeFileSync(mbox, Buffer.concat(patches.map((p) => formatMboxrdEntry(p.raw))));
  try {
    const am = await amInWorktree(paths.mirror, worktree, mbox, {
      base: head,
      timeoutMs: amTimeoutMs(patches.length),
    });
    if (am.ok) return { state: "applied", branch: git.branch, head };
    return {
      state: "failed",
      branch: git.branch,
      head,
      patch: am.failedPatch === null ? null : (patches[am.failedPatch - 1]?.index ?? am.failedPatch),
      conflicts: am.conflicts,
      output: clipLog(am.output, 4000),
    };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    return failed(null, clipLog(error.message, 4000));
  } finally {
    fs.rmSync(mbox, { force: true });
    // A stranger's files do not wait on disk for the next check.
    await cleanWorktree(worktree).catch(() => undefined);
  }
}
