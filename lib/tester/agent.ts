import fs from "node:fs";
import path from "node:path";

import { TesterApiError, type TesterClient } from "../client/tester-client";
import { PatchwatchError } from "../errors";
import { deleteRefsUnder } from "../git/detached-worktree";
import { ensureBareRepo } from "../git/mirror";
import { retrying, RetryStopped, sleep } from "./retry";
import { type JobContext, type JobEnd, JOB_REF_PREFIX, runJob } from "./run-job";

export interface TesterOptions {
  client: TesterClient;
  capabilities: string[];
  projects: string[];
  /** Holds the fetch cache and each job's worktree; one agent per directory. */
  workDir: string;
  /** Take at most one job, then return (also when none waits). */
  once: boolean;
  /** How long to wait before asking again when no job waits. */
  pollSeconds: number;
  /** Aborted on SIGINT/SIGTERM: the running script is stopped and the loop returns. */
  stop: AbortSignal;
  say: (line: string) => void;
  /** PATH for test scripts. */
  path: string;
  limits?: JobContext["limits"];
}

/**
 * `patchwatch tester`: claims jobs from a server and runs them, one at a time, until
 * stopped. An unreachable server is waited for with backoff; a refused token or a refused
 * claim ends the agent with the server's reason, since asking again cannot help.
 */
export async function runTester(options: TesterOptions): Promise<JobEnd[]> {
  const workDir = path.resolve(options.workDir);
  const release = lockWorkDir(workDir);
  try {
    const ctx: JobContext = {
      client: options.client,
      cacheDir: path.join(workDir, "cache.git"),
      jobsDir: path.join(workDir, "jobs"),
      stop: options.stop,
      say: options.say,
      path: options.path,
      limits: options.limits,
    };
    await prepareWorkDir(ctx);
    options.say(
      `tester ready: ${options.client.server.origin}, capabilities ${options.capabilities.join(", ") || "(none)"}` +
        (options.projects.length ? `, projects ${options.projects.join(", ")}` : ""),
    );
    const ends: JobEnd[] = [];
    while (!options.stop.aborted) {
      const end = await claimAndRun(ctx, options);
      if (end) ends.push(end);
      if (options.once) break;
      if (!end && !(await sleep(options.pollSeconds * 1000, options.stop))) break;
    }
    return ends;
  } finally {
    release();
  }
}

/** One claim: the job's end, or null when none waited (or the agent was stopped while asking). */
async function claimAndRun(ctx: JobContext, options: TesterOptions): Promise<JobEnd | null> {
  let claim;
  try {
    claim = await retrying(() => options.client.claim(options.capabilities, options.projects), {
      signal: options.stop,
      say: options.say,
    });
  } catch (error) {
    if (error instanceof RetryStopped) return null;
    if (error instanceof TesterApiError && error.kind === "unauthorized")
      throw new PatchwatchError("bad-request", `the server refused the token: ${error.message}`);
    throw error;
  }
  if (!claim) return null;
  if (claim.ok) return runJob(ctx, claim.job);
  options.say(`the server sent a job this tester cannot run: ${claim.problem}`);
  if (claim.id === null) return null;
  const summary = `invalid job description: ${claim.problem}`.slice(0, 500);
  await retrying(() => options.client.report(claim.id!, { state: "error", durationMs: 0, summary }), {
    signal: options.stop,
    say: options.say,
  }).catch((error: unknown) => options.say(`could not report it: ${(error as Error).message}`));
  return { reported: "error", summary };
}

/** The cache repository, and nothing left of jobs a killed agent did not finish. */
async function prepareWorkDir(ctx: JobContext): Promise<void> {
  await ensureBareRepo(ctx.cacheDir);
  fs.rmSync(ctx.jobsDir, { recursive: true, force: true });
  fs.mkdirSync(ctx.jobsDir, { recursive: true });
  await deleteRefsUnder(ctx.cacheDir, JOB_REF_PREFIX);
}

/**
 * Keeps a second agent out of the same work directory (their worktrees and refs would
 * collide): a pid file made exclusively; one whose process is gone is taken over.
 */
function lockWorkDir(workDir: string): () => void {
  fs.mkdirSync(workDir, { recursive: true });
  const file = path.join(workDir, "tester.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
        throw new PatchwatchError(
          "conflict",
          `another tester (pid ${pid}) uses ${workDir}: give each tester its own --work-dir`,
        );
      fs.rmSync(file, { force: true });
    }
  }
  throw new PatchwatchError("conflict", `could not lock ${workDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
