import fs from "node:fs";
import path from "node:path";

import { amTimeoutMs, checkSeriesSize } from "../lib/apply/limits";
import { checkPatchPaths } from "../lib/apply/patch-paths";
import { applyPaths } from "../lib/apply/paths";
import { seriesTagName } from "../lib/apply/tag-name";
import { amInWorktree } from "../lib/git/am-in-worktree";
import { APPLIER_IDENTITY } from "../lib/git/apply-config";
import { publishSeriesTag } from "../lib/git/publish";
import { runGit, runGitOk } from "../lib/git/run";
import { prepareWorktree } from "../lib/git/worktree";
import { formatMboxrdEntry } from "../lib/mbox/write-mboxrd";
import type { BenchSeries } from "./apply-corpus";

/**
 * The two ways bench/apply applies a series: the same `git am --3way` of the same mails
 * on the same base, as the same committer, so a series that applies gives the same tree
 * both ways (commit ids differ by the committer date). Reflogs and `am --abort` need the
 * identity too: git finds none in its clean environment.
 */
const GIT = { env: APPLIER_IDENTITY, timeoutMs: 600_000 };

export interface Outcome {
  applied: boolean;
  /** The tree of the last commit, when the series applied. */
  tree: string | null;
  /** Time measured for this series. */
  ms: number;
  /** Why it did not apply: git's last words. */
  note?: string;
  /** The same time by step, for the applier's path. */
  steps?: Record<string, number>;
}

export interface Runner {
  name: string;
  /** Untimed preparation; `first` is the first series' base. Says what it did, if worth saying. */
  setup(first: string): Promise<string | null>;
  apply(series: BenchSeries, mbox: string): Promise<Outcome>;
}

function lastLine(text: string): string {
  return text.trim().split("\n").at(-1)?.slice(0, 160) ?? "";
}

async function headIn(cwd: string): Promise<string> {
  return (await runGitOk(["rev-parse", "HEAD"], { cwd })).stdout.toString().trim();
}

async function treeOf(gitDir: string, commit: string): Promise<string> {
  return (await runGitOk([`--git-dir=${gitDir}`, "rev-parse", `${commit}^{tree}`])).stdout.toString().trim();
}

/**
 * The baseline: what a maintainer runs by hand, `git am --3way` in a fresh worktree of
 * the series' base. Making and removing the worktree is not timed: only `git am` is.
 */
export function plainAmInFreshWorktree(mirror: string, scratch: string): Runner {
  let n = 0;
  return {
    name: "plain `git am --3way` in a fresh worktree (only `git am` timed)",
    async setup() {
      return null;
    },
    async apply(series, mbox) {
      const dir = path.join(scratch, `fresh-${n++}`);
      await runGitOk([`--git-dir=${mirror}`, "worktree", "add", "-q", "--detach", dir, series.base], GIT);
      try {
        const started = performance.now();
        const am = await runGit(["am", "--3way", "--patch-format=mboxrd", mbox], { cwd: dir, ...GIT });
        const ms = performance.now() - started;
        if (am.code !== 0) {
          await runGit(["am", "--abort"], { cwd: dir, ...GIT });
          return { applied: false, tree: null, ms, note: lastLine(am.stderr || am.stdout.toString()) };
        }
        return { applied: true, tree: await treeOf(mirror, await headIn(dir)), ms };
      } finally {
        await runGitOk([`--git-dir=${mirror}`, "worktree", "remove", "--force", dir], GIT);
      }
    },
  };
}

/**
 * The applier's path, timed whole, through the applier's own functions (as
 * lib/flows/apply/try-apply.ts and lib/flows/apply/apply-series.ts publishSeries call them): size and
 * path checks, the mbox written, amInWorktree (the reused worktree brought to the base,
 * `git am --3way` with the commits listed, the worktree cleaned after a failure), the tag
 * set in the mirror and the publish repository. Only the database reads are left out.
 */
export function applierPath(mirror: string, scratch: string): Runner {
  const paths = applyPaths(scratch, "ltp");
  return {
    name: "applier path (lib/git + lib/apply: checks, mbox, amInWorktree, publishSeriesTag)",
    async setup(first) {
      // In service the worktree exists already: a one-time cost, measured and printed apart.
      const started = performance.now();
      await prepareWorktree(mirror, paths.worktree, first);
      const worktreeMs = performance.now() - started;
      // Creates the publish repository, which borrows the mirror's objects.
      await publishSeriesTag(mirror, paths.publish, WARM_UP_TAG, first);
      return `worktree created in ${(worktreeMs / 1000).toFixed(1)} s`;
    },
    async apply(series) {
      const steps = stepClock();
      const refused = checkSeriesSize({
        patches: series.mails.length,
        largestPatchBytes: Math.max(...series.mails.map((m) => m.raw.length)),
        totalPatchBytes: series.mails.reduce((n, m) => n + m.raw.length, 0),
      });
      if (refused) throw new Error(`${series.headMsgid}: ${refused}`);
      for (const m of series.mails) {
        const check = checkPatchPaths(m.diff);
        if (!check.ok) throw new Error(`${series.headMsgid}: ${check.message}`);
      }
      fs.mkdirSync(paths.worktrees, { recursive: true });
      fs.writeFileSync(paths.mbox, Buffer.concat(series.mails.map((m) => formatMboxrdEntry(m.raw))));
      steps.mark("checks + mbox");
      const am = await amInWorktree(mirror, paths.worktree, paths.mbox, {
        base: series.base,
        timeoutMs: amTimeoutMs(series.patches),
      });
      fs.rmSync(paths.mbox, { force: true });
      steps.mark("amInWorktree");
      if (!am.ok) {
        const why = am.alreadyApplied ? "already applied" : lastLine(am.output);
        return {
          applied: false,
          tree: null,
          ...steps.done(),
          note: `patch ${am.failedPatch ?? "?"}: ${why}`,
        };
      }
      const tag = seriesTagName(series.headMsgid, series.version);
      await publishSeriesTag(mirror, paths.publish, tag, am.commits.at(-1)!);
      steps.mark("publishSeriesTag");
      const timed = steps.done();
      if (am.commits.length !== series.patches)
        throw new Error(`${series.headMsgid}: ${am.commits.length} commits for ${series.patches} patches`);
      return { applied: true, tree: await treeOf(mirror, am.commits.at(-1)!), ...timed };
    },
  };
}

const WARM_UP_TAG = "patchwatch/bench-warm-up";

function stepClock() {
  const started = performance.now();
  let last = started;
  const steps: Record<string, number> = {};
  return {
    mark(name: string) {
      const now = performance.now();
      steps[name] = now - last;
      last = now;
    },
    done: () => ({ ms: performance.now() - started, steps }),
  };
}
