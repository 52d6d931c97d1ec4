import { type ChildProcessByStdio, spawn } from "node:child_process";
import type { Readable } from "node:stream";

import { exitCodeOf } from "../git/exit-code";
import { KILL_GRACE_MS, PIPE_DRAIN_MS } from "./limits";

export interface RunScriptOptions {
  script: string;
  cwd: string;
  /** The whole environment of the script: nothing of ours is inherited. */
  env: Record<string, string>;
  timeoutMs: number;
  /** Output passed to onOutput as it comes; the rest is counted, and its tail kept. */
  maxOutputBytes: number;
  /** How much of the end of an output over the cap is passed on when the script ends. */
  tailBytes: number;
  killGraceMs?: number;
  /** Aborting stops the script (a lost lease, SIGTERM to the agent). */
  signal?: AbortSignal;
  /** Standard output and error, merged, in the order written. */
  onOutput: (chunk: Buffer) => void;
}

export type ScriptOutcome =
  | { kind: "exited"; code: number }
  | { kind: "timeout" }
  | { kind: "aborted" }
  | { kind: "spawn-failed"; message: string };

export interface ScriptResult {
  outcome: ScriptOutcome;
  durationMs: number;
  /** Bytes the script wrote, passed on or not. */
  outputBytes: number;
  truncated: boolean;
}

/*
 * The outer bash joins stderr to stdout and becomes the script's own bash, so the log has
 * one pipe and keeps the order in which lines were written. The script reaches it as an
 * argument, never as part of this command line.
 */
const MERGE_AND_RUN = 'exec 2>&1; exec bash -c "$1"';

/**
 * Runs `bash -c script` in `cwd` as the leader of a new process group, so that a timeout
 * or a stop ends everything it started (SIGTERM, then SIGKILL after a grace period). When
 * bash exits, what it left running in its group is killed too: a test leaves nothing behind.
 */
export function runScript(options: RunScriptOptions): Promise<ScriptResult> {
  const started = Date.now();
  const output = new CappedOutput(options.maxOutputBytes, options.tailBytes, options.onOutput);
  return new Promise<ScriptResult>((resolve) => {
    const timers: { timeout?: NodeJS.Timeout; kill?: NodeJS.Timeout } = {};
    let settled = false;
    const finish = (outcome: ScriptOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timers.timeout);
      clearTimeout(timers.kill);
      options.signal?.removeEventListener("abort", onAbort);
      output.end();
      resolve({
        outcome,
        durationMs: Date.now() - started,
        outputBytes: output.bytes,
        truncated: output.truncated,
      });
    };
    if (options.signal?.aborted) return finish({ kind: "aborted" });

    let child: ChildProcessByStdio<null, Readable, null>;
    try {
      child = spawn("bash", ["-c", MERGE_AND_RUN, "patchwatch-test", options.script], {
        cwd: options.cwd,
        env: options.env as NodeJS.ProcessEnv,
        detached: true,
        shell: false,
        stdio: ["ignore", "pipe", "ignore"],
      });
    } catch (error) {
      // A NUL byte in the script or the environment: execve cannot take it.
      return finish({ kind: "spawn-failed", message: (error as Error).message });
    }
    let stopping: "timeout" | "aborted" | null = null;
    const stop = (why: "timeout" | "aborted") => {
      if (stopping) return;
      stopping = why;
      killGroup(child.pid, "SIGTERM");
      timers.kill = setTimeout(() => killGroup(child.pid, "SIGKILL"), options.killGraceMs ?? KILL_GRACE_MS);
    };
    const onAbort = () => stop("aborted");
    options.signal?.addEventListener("abort", onAbort);
    timers.timeout = setTimeout(() => stop("timeout"), options.timeoutMs);

    child.stdout.on("data", (chunk: Buffer) => output.write(chunk));
    child.on("error", (error) => finish({ kind: "spawn-failed", message: error.message }));
    child.on("exit", (code, signal) => {
      killGroup(child.pid, "SIGKILL");
      const outcome: ScriptOutcome = stopping
        ? { kind: stopping }
        : { kind: "exited", code: exitCodeOf(code, signal) };
      // The pipe closes once every holder is gone; one that left the group is not waited for.
      const drain = setTimeout(() => child.stdout.destroy(), PIPE_DRAIN_MS);
      const done = () => {
        clearTimeout(drain);
        finish(outcome);
      };
      if (child.stdout.closed) done();
      else child.stdout.once("close", done);
    });
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/** Passes output on up to a cap, then counts it and keeps only its tail for the end. */
class CappedOutput {
  bytes = 0;
  private passed = 0;
  private tail: Buffer[] = [];
  private tailSize = 0;

  constructor(
    private readonly max: number,
    private readonly tailMax: number,
    private readonly sink: (chunk: Buffer) => void,
  ) {}

  get truncated(): boolean {
    return this.bytes > this.passed;
  }

  write(chunk: Buffer): void {
    this.bytes += chunk.length;
    const room = this.max - this.passed;
    if (room > 0) {
      const head = chunk.subarray(0, room);
      this.passed += head.length;
      this.sink(head);
      chunk = chunk.subarray(head.length);
    }
    if (chunk.length === 0 || this.tailMax === 0) return;
    this.tail.push(chunk);
    this.tailSize += chunk.length;
    while (this.tailSize - this.tail[0]!.length >= this.tailMax) this.tailSize -= this.tail.shift()!.length;
  }

  end(): void {
    if (!this.truncated) return;
    const tail = Buffer.concat(this.tail);
    const kept = tail.subarray(Math.max(0, tail.length - this.tailMax));
    const omitted = this.bytes - this.passed - kept.length;
    this.sink(
      Buffer.from(
        `\n[patchwatch tester: output over ${this.max} bytes; ${omitted} bytes omitted` +
          (kept.length ? `, the last ${kept.length} follow]\n` : "]\n"),
      ),
    );
    if (kept.length) this.sink(kept);
    this.tail = [];
  }
}
