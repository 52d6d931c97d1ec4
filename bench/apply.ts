/**
 * bench/apply: applies real series from the LTP archive to the real LTP tree and prints
 * series per minute, p50/p95 time per series, and peak RSS, for the applier's path and,
 * in the same run on the same mboxes, for plain `git am --3way` in a fresh worktree
 * (the baseline). Goal: the applier within 1.5x of plain git am.
 *
 *   npm run bench:apply -- --repo PATH [--series 200] [--archive FILE] [--branch master]
 *
 * PATH is a clone of https://github.com/linux-test-project/ltp (bare or not; it is only
 * read: the bench works in a `--shared` clone of it in a temporary directory);
 * PATCHWATCH_BENCH_LTP_REPO may name it instead of --repo. Each series goes on the commit
 * its `base-commit:` names, else on the branch as it was when the series was posted.
 * The two ways take turns going first, since the machine's speed drifts within a run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { runGit, runGitOk } from "../lib/git/run";
import { type BenchSeries, loadCorpus, MAX_PATCHES } from "./apply-corpus";
import { applierPath, type Outcome, plainAmInFreshWorktree, type Runner } from "./apply-runners";
import { percentile } from "./support";

/**
 * Worktrees go to tmpfs when there is one: on a shared disk, checking out 8,000 files
 * took from 1 to 12 s for the same commit, which drowns what is measured. Both ways use
 * the same directory.
 */
function defaultScratch(): string {
  try {
    fs.accessSync("/dev/shm", fs.constants.W_OK);
    return "/dev/shm";
  } catch {
    return os.tmpdir();
  }
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { values } = parseArgs({
  options: {
    repo: { type: "string", default: process.env.PATCHWATCH_BENCH_LTP_REPO ?? "" },
    series: { type: "string", default: "200" },
    archive: { type: "string", default: path.join(root, "prisma/seed/ltp-2025-09..2026-03.mbox.gz") },
    branch: { type: "string", default: "master" },
    scratch: { type: "string", default: defaultScratch() },
  },
});

async function checkRepo(repo: string, branch: string): Promise<number> {
  const usage =
    "bench/apply needs a clone of the LTP tree (https://github.com/linux-test-project/ltp):\n" +
    "  npm run bench:apply -- --repo /path/to/ltp   (or PATCHWATCH_BENCH_LTP_REPO=/path/to/ltp)";
  if (!repo) throw new Error(`no repository given.\n${usage}`);
  const count = await runGit(["-C", repo, "rev-list", "--count", `refs/heads/${branch}`]);
  if (count.code !== 0) throw new Error(`${repo} has no branch ${branch}: ${count.stderr.trim()}\n${usage}`);
  return Number(count.stdout.toString().trim());
}

interface Timings {
  runner: Runner;
  outcomes: Outcome[];
}

function describe({ runner, outcomes }: Timings): string[] {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const total = ms.reduce((a, b) => a + b, 0);
  const applied = outcomes.filter((o) => o.applied).length;
  return [
    `${runner.name}:`,
    `  ${outcomes.length} series in ${(total / 1000).toFixed(1)} s: ${((outcomes.length / total) * 60_000).toFixed(0)} series/min; ` +
      `per series p50 ${(percentile(ms, 50) / 1000).toFixed(3)} s, p95 ${(percentile(ms, 95) / 1000).toFixed(3)} s, ` +
      `max ${((ms.at(-1) ?? 0) / 1000).toFixed(3)} s; applied ${applied}, failed ${outcomes.length - applied}`,
  ];
}

/** Mean time of each step over the series that ran it. */
function stepMeans(outcomes: Outcome[]): string {
  const sums = new Map<string, { ms: number; n: number }>();
  for (const o of outcomes)
    for (const [name, ms] of Object.entries(o.steps ?? {})) {
      const sum = sums.get(name) ?? { ms: 0, n: 0 };
      sums.set(name, { ms: sum.ms + ms, n: sum.n + 1 });
    }
  return [...sums].map(([name, { ms, n }]) => `${name} ${(ms / n).toFixed(0)} ms`).join(", ");
}

function stat(t: Timings, p: number | "total"): number {
  const ms = t.outcomes.map((o) => o.ms).sort((a, b) => a - b);
  return p === "total" ? ms.reduce((a, b) => a + b, 0) : percentile(ms, p);
}

async function main(): Promise<void> {
  const commits = await checkRepo(values.repo, values.branch);
  const scratch = fs.mkdtempSync(path.join(values.scratch, "patchwatch-bench-apply-"));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  try {
    const mirror = path.join(scratch, "mirror.git");
    await runGitOk(["clone", "-q", "--bare", "--shared", values.repo, mirror], { timeoutMs: 600_000 });

    const loading = performance.now();
    const corpus = await loadCorpus(values.archive, mirror, values.branch, Number(values.series));
    const series = corpus.series;
    const byReason = (r: BenchSeries["baseReason"]) => series.filter((s) => s.baseReason === r).length;
    console.log(
      `corpus: ${path.basename(values.archive)}: ${corpus.messages} messages, ${corpus.assembled} series; ` +
        `${corpus.eligible} complete with 1-${MAX_PATCHES} patches, ${corpus.dependent} of them left out (Based-on: another series); ` +
        `${series.length} used, ${series.reduce((n, s) => n + s.patches, 0)} patches, ` +
        `posted ${series[0]?.date.toISOString().slice(0, 10)} to ${series.at(-1)?.date.toISOString().slice(0, 10)} ` +
        `(read and assembled in ${((performance.now() - loading) / 1000).toFixed(1)} s)`,
    );
    console.log(
      `bases: ${byReason("base-commit")} from base-commit:, ${byReason("branch as of the posting date")} the branch as of the posting date`,
    );
    console.log(
      `tree: ${values.repo}, ${commits} commits on ${values.branch}; worktrees in ${values.scratch}; ${os.cpus().length} CPUs`,
    );
    if (series.length < Number(values.series))
      console.log(`note: the archive has only ${series.length} such series, not ${values.series}`);

    const applier: Timings = { runner: applierPath(mirror, scratch), outcomes: [] };
    const baseline: Timings = { runner: plainAmInFreshWorktree(mirror, scratch), outcomes: [] };
    const first = series[0]?.base ?? "HEAD";
    for (const t of [applier, baseline]) {
      const said = await t.runner.setup(first);
      if (said) console.log(`setup, not timed: ${said}`);
    }
    for (const [i, s] of series.entries()) {
      const mbox = path.join(scratch, `series-${i}.mbox`);
      fs.writeFileSync(mbox, s.mbox);
      const order = i % 2 === 0 ? [applier, baseline] : [baseline, applier];
      for (const t of order) t.outcomes.push(await t.runner.apply(s, mbox));
      fs.rmSync(mbox);
      if ((i + 1) % 25 === 0) process.stderr.write(`  ${i + 1}/${series.length} series\n`);
    }

    for (const line of [...describe(applier), ...describe(baseline)]) console.log(line);
    console.log(`applier path, mean by step: ${stepMeans(applier.outcomes)}`);
    const ratio = (p: number | "total") => stat(applier, p) / stat(baseline, p);
    const verdict = ratio("total") <= 1.5 ? "met" : "NOT met";
    console.log(
      `applier / baseline: total ${ratio("total").toFixed(2)}x, p50 ${ratio(50).toFixed(2)}x, p95 ${ratio(95).toFixed(2)}x; goal <= 1.5x: ${verdict}`,
    );
    const differ = series.flatMap((s, i) => {
      const [a, b] = [applier.outcomes[i]!, baseline.outcomes[i]!];
      return a.applied === b.applied && a.tree === b.tree ? [] : [{ s, a, b }];
    });
    console.log(
      `same outcome (and the same tree when applied) both ways: ${series.length - differ.length}/${series.length}`,
    );
    const said = (o: Outcome) => (o.applied ? `applied, tree ${o.tree?.slice(0, 12)}` : `failed (${o.note})`);
    for (const { s, a, b } of differ)
      console.log(
        `  differs: <${s.headMsgid}> ${s.patches} patch(es): applier ${said(a)}; git am ${said(b)}`,
      );
    console.log(
      `peak RSS of the bench process: ${(peakRss / 1e6).toFixed(0)} MB (git runs in child processes, not counted)`,
    );
  } finally {
    clearInterval(sampler);
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench/apply: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
