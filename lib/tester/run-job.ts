import fs from "node:fs";
import path from "node:path";

import { type TestJob, type TestState, TesterApiError, type TesterClient } from "../client/tester-client";
import { addDetachedWorktree, deleteRefsUnder, removeDetachedWorktree } from "../git/detached-worktree";
import { fetchRef } from "../git/fetch-ref";
import { hasCommit } from "../git/mirror";
import { FETCH_TIMEOUT_MS, MAX_OUTPUT_BYTES, OUTPUT_TAIL_BYTES, RESULT_RETRY_MS } from "./limits";
import { LogUploader } from "./log-uploader";
import { retrying, RetryStopped } from "./retry";
import { runScript, type ScriptResult } from "./run-script";
import { scriptEnv } from "./script-env";

export interface JobContext {
  client: TesterClient;
  /** The bare repository fetched refs are kept in, from job to job. */
  cacheDir: string;
  /** Where each job gets its directory: the worktree, its HOME and TMPDIR. */
  jobsDir: string;
  /** The agent is stopping: end the script, report nothing. */
  stop: AbortSignal;
  say: (line: string) => void;
  /** PATH given to the script. */
  path: string;
  limits?: { maxOutputBytes?: number; tailBytes?: number; killGraceMs?: number; logFlushMs?: number };
}

/** How a job ended for this tester: reported with a state, or left to the server (lease lost, stopped). */
export type JobEnd =
  | { reported: TestState; summary: string }
  | { reported: null; why: "lease-lost" | "stopped" | "undeliverable"; summary: string };

type Verdict = { state: TestState; summary: string; durationMs: number };

/** The ref a job's fetch writes in the cache; every one is deleted when its run ends. */
export const JOB_REF_PREFIX = "refs/patchwatch-tester/";

/**
 * One claimed job from start to end: fetch the ref, check out the commit in a fresh
 * worktree, run the script while its output streams to the server and heartbeats keep
 * the lease, report the result, remove the worktree. A lost lease stops the script and
 * nothing is reported: the job is another tester's now.
 */
export async function runJob(ctx: JobContext, job: TestJob): Promise<JobEnd> {
  const started = Date.now();
  const name = `job ${job.id} (${job.project} ${job.test} at ${job.commit.slice(0, 12)})`;
  const lease = new AbortController();
  let lostBecause: string | null = null;
  const loseLease = (error: TesterApiError) => {
    if (lostBecause === null) lostBecause = error.message;
    lease.abort();
  };
  const onStop = () => lease.abort();
  ctx.stop.addEventListener("abort", onStop);

  const uploader = new LogUploader({
    send: (bytes) => ctx.client.appendLog(job.id, bytes),
    onLeaseLost: loseLease,
    signal: lease.signal,
    say: (line) => ctx.say(`${name}: ${line}`),
    flushMs: ctx.limits?.logFlushMs,
  });
  const heartbeats = startHeartbeats(ctx, job, loseLease, (line) => ctx.say(`${name}: ${line}`));
  const jobDir = path.join(ctx.jobsDir, job.id);
  const tree = path.join(jobDir, "tree");
  const note = (line: string) => uploader.write(Buffer.from(`[patchwatch tester] ${line}\n`));

  let verdict: Verdict;
  try {
    ctx.say(`${name}: started`);
    note(`${job.project} ${job.test}: commit ${job.commit}, ${job.ref} from ${job.fetchUrl}`);
    const checkout = await checkOut(ctx, job, tree, lease.signal, note);
    if (checkout) verdict = { ...checkout, durationMs: Date.now() - started };
    else {
      const result = await runScript({
        script: job.script,
        cwd: tree,
        env: scriptEnv(job, {
          path: ctx.path,
          home: path.join(jobDir, "home"),
          tmp: path.join(jobDir, "tmp"),
        }),
        timeoutMs: job.timeoutSeconds * 1000,
        maxOutputBytes: ctx.limits?.maxOutputBytes ?? MAX_OUTPUT_BYTES,
        tailBytes: ctx.limits?.tailBytes ?? OUTPUT_TAIL_BYTES,
        killGraceMs: ctx.limits?.killGraceMs,
        signal: lease.signal,
        onOutput: (chunk) => uploader.write(chunk),
      });
      verdict = judge(result, job);
      note(verdict.summary);
    }
    if (!lease.signal.aborted) await uploader.flush();
  } finally {
    heartbeats.stop();
    ctx.stop.removeEventListener("abort", onStop);
    await cleanUp(ctx, job, jobDir, tree);
  }

  if (lostBecause !== null) {
    ctx.say(`${name}: lease lost (${lostBecause}); the script was stopped, nothing reported`);
    return { reported: null, why: "lease-lost", summary: lostBecause };
  }
  if (ctx.stop.aborted) {
    ctx.say(`${name}: stopped; the server gives the job to another tester when its lease expires`);
    return { reported: null, why: "stopped", summary: "stopped" };
  }
  return deliver(ctx, job, name, verdict);
}

/** Fetches and checks out the job's commit; a verdict when that failed, null when the tree is ready. */
async function checkOut(
  ctx: JobContext,
  job: TestJob,
  tree: string,
  signal: AbortSignal,
  note: (line: string) => void,
): Promise<{ state: TestState; summary: string } | null> {
  try {
    const fetched = await fetchRef(
      ctx.cacheDir,
      { url: job.fetchUrl, ref: job.ref },
      `${JOB_REF_PREFIX}${job.id}`,
      { timeoutMs: FETCH_TIMEOUT_MS, signal },
    );
    if (!fetched.ok) {
      if (fetched.output) note(fetched.output);
      const reason = lastLine(fetched.output);
      return { state: "error", summary: `could not fetch ${job.ref} from ${job.fetchUrl}: ${reason}` };
    }
    if (!(await hasCommit(ctx.cacheDir, job.commit)))
      return {
        state: "error",
        summary: `${job.ref} from ${job.fetchUrl} does not contain commit ${job.commit}`,
      };
    await addDetachedWorktree(ctx.cacheDir, tree, job.commit);
    fs.mkdirSync(path.join(path.dirname(tree), "home"), { recursive: true });
    fs.mkdirSync(path.join(path.dirname(tree), "tmp"), { recursive: true });
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { state: "error", summary: `could not check out ${job.commit}: ${lastLine(message)}` };
  }
}

function judge(result: ScriptResult, job: TestJob): Verdict {
  const seconds = `${(result.durationMs / 1000).toFixed(1)} s`;
  const truncated = result.truncated ? ` (output truncated: ${result.outputBytes} bytes written)` : "";
  const { outcome, durationMs } = result;
  switch (outcome.kind) {
    case "exited":
      return outcome.code === 0
        ? { state: "passed", summary: `passed in ${seconds}${truncated}`, durationMs }
        : {
            state: "failed",
            summary: `exit status ${outcome.code} after ${seconds}${truncated}`,
            durationMs,
          };
    case "timeout":
      return { state: "error", summary: `timed out after ${job.timeoutSeconds} s${truncated}`, durationMs };
    case "spawn-failed":
      return { state: "error", summary: `could not start bash: ${lastLine(outcome.message)}`, durationMs };
    case "aborted":
      return { state: "error", summary: "stopped", durationMs };
  }
}

async function deliver(ctx: JobContext, job: TestJob, name: string, verdict: Verdict): Promise<JobEnd> {
  const say = (line: string) => ctx.say(`${name}: ${line}`);
  try {
    await retrying(() => ctx.client.report(job.id, verdict), {
      signal: ctx.stop,
      say,
      giveUpAfterMs: RESULT_RETRY_MS,
    });
    say(`${verdict.state}: ${verdict.summary}`);
    return { reported: verdict.state, summary: verdict.summary };
  } catch (error) {
    if (error instanceof TesterApiError && error.kind === "lease-lost") {
      say(`the server refused the result, the lease was lost: ${error.message}`);
      return { reported: null, why: "lease-lost", summary: error.message };
    }
    if (!(error instanceof TesterApiError) && !(error instanceof RetryStopped)) throw error;
    say(`the result could not be delivered (${error.message}): ${verdict.state}, ${verdict.summary}`);
    return { reported: null, why: "undeliverable", summary: error.message };
  }
}

/**
 * Heartbeats at a third of the lease, so that two can be missed before it expires. An
 * unreachable server is tried again at the next beat; a lost lease stops the run.
 */
function startHeartbeats(
  ctx: JobContext,
  job: TestJob,
  loseLease: (error: TesterApiError) => void,
  say: (line: string) => void,
): { stop(): void } {
  const intervalMs = Math.max(500, (job.leaseSeconds * 1000) / 3);
  let beating = false;
  let failing = false;
  const timer = setInterval(() => {
    if (beating) return;
    beating = true;
    ctx.client
      .heartbeat(job.id)
      .then(() => {
        if (failing) say("heartbeats answered again");
        failing = false;
      })
      .catch((error: unknown) => {
        if (error instanceof TesterApiError && error.kind === "lease-lost") return loseLease(error);
        if (!failing) say(`heartbeat failed: ${error instanceof Error ? error.message : String(error)}`);
        failing = true;
      })
      .finally(() => {
        beating = false;
      });
  }, intervalMs);
  return { stop: () => clearInterval(timer) };
}

async function cleanUp(ctx: JobContext, job: TestJob, jobDir: string, tree: string): Promise<void> {
  try {
    await removeDetachedWorktree(ctx.cacheDir, tree);
    await deleteRefsUnder(ctx.cacheDir, `${JOB_REF_PREFIX}${job.id}`);
    fs.rmSync(jobDir, { recursive: true, force: true });
  } catch (error) {
    ctx.say(`job ${job.id}: could not remove ${jobDir}: ${error instanceof Error ? error.message : error}`);
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return (lines.at(-1) ?? "").trim() || "no reason given";
}
