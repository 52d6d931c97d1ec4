import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it, vi } from "vitest";

import { runScript, type RunScriptOptions } from "./run-script";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-run-script-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: scratch, LANG: "C.UTF-8" };

async function run(script: string, options: Partial<RunScriptOptions> = {}) {
  const chunks: Buffer[] = [];
  const result = await runScript({
    script,
    cwd: scratch,
    env,
    timeoutMs: 20_000,
    maxOutputBytes: 1024 * 1024,
    tailBytes: 1024,
    killGraceMs: 500,
    onOutput: (chunk) => chunks.push(chunk),
    ...options,
  });
  return { ...result, output: Buffer.concat(chunks).toString("utf8") };
}

/** Whether a process is gone: no such pid, or only a zombie waiting to be reaped. */
/**
 * Waits for `pid` to be gone: the script's pipe closes while a killed process is still
 * on its way out, a moment before the kernel shows it as a zombie.
 */
async function expectGone(pid: number): Promise<void> {
  await vi.waitFor(() => expect(isGone(pid)).toBe(true), { timeout: 3_000, interval: 20 });
}

function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
}

describe("runScript", () => {
  it("exit status 0 is an exit with code 0, and the output arrives", async () => {
    const result = await run("echo hello; true");
    expect(result.outcome).toEqual({ kind: "exited", code: 0 });
    expect(result.output).toBe("hello\n");
    expect(result.truncated).toBe(false);
  });

  it("a non-zero exit status is reported as it is", async () => {
    expect((await run("exit 3")).outcome).toEqual({ kind: "exited", code: 3 });
    expect((await run("set -e; false; echo unreachable")).outcome).toEqual({ kind: "exited", code: 1 });
  });

  it("a script killed by a signal reports 128 + the signal number", async () => {
    expect((await run("kill -KILL $$")).outcome).toEqual({ kind: "exited", code: 137 });
  });

  it("stderr and stdout are merged in the order written", async () => {
    const result = await run("echo one; echo two >&2; echo three; echo four >&2");
    expect(result.output).toBe("one\ntwo\nthree\nfour\n");
  });

  it("runs in the given directory with exactly the given environment", async () => {
    const result = await run("pwd; env | sort | grep -v '^_=\\|^PWD=\\|^SHLVL=\\|^OLDPWD='", {
      env: { ...env, PATCHWATCH_TEST: "unit" },
    });
    const [dir, ...vars] = result.output.trim().split("\n");
    expect(fs.realpathSync(dir!)).toBe(fs.realpathSync(scratch));
    expect(vars).toEqual([`HOME=${scratch}`, "LANG=C.UTF-8", `PATCHWATCH_TEST=unit`, `PATH=${env.PATH}`]);
  });

  it("the script is an argument, not part of a command line: quotes and $ reach bash untouched", async () => {
    const result = await run(`printf '%s\\n' "a'b" '$HOME' "$(echo c\\"d)"`);
    expect(result.output).toBe(`a'b\n$HOME\nc"d\n`);
  });

  it("a timeout kills the whole process group, a background child included", async () => {
    const pidFile = path.join(scratch, "background.pid");
    const result = await run(`sleep 300 & echo $! > ${pidFile}; echo started; sleep 300`, {
      timeoutMs: 700,
    });
    expect(result.outcome).toEqual({ kind: "timeout" });
    expect(result.output).toBe("started\n");
    const pid = Number(fs.readFileSync(pidFile, "utf8"));
    expect(pid).toBeGreaterThan(1);
    await expectGone(pid);
  });

  it("a script that ignores SIGTERM is killed after the grace period", async () => {
    const started = Date.now();
    const result = await run("trap '' TERM; echo waiting; while :; do sleep 0.1; done", {
      timeoutMs: 300,
      killGraceMs: 300,
    });
    expect(result.outcome).toEqual({ kind: "timeout" });
    // It waited out the timeout and the grace period before SIGKILL.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
  });

  it("what a passing script leaves running in its group is killed when it exits", async () => {
    const pidFile = path.join(scratch, "left-behind.pid");
    const result = await run(`sleep 300 & echo $! > ${pidFile}; exit 0`);
    expect(result.outcome).toEqual({ kind: "exited", code: 0 });
    await expectGone(Number(fs.readFileSync(pidFile, "utf8")));
  });

  it("aborting stops the script and reports it as aborted", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await run("echo before; sleep 300; echo after", { signal: controller.signal });
    expect(result.outcome).toEqual({ kind: "aborted" });
    expect(result.output).toBe("before\n");
  });

  it("output over the cap is counted, not passed on, and its tail comes at the end", async () => {
    const result = await run("head -c 100000 /dev/zero | tr '\\0' a; echo; echo the-last-line", {
      maxOutputBytes: 1000,
      tailBytes: 50,
    });
    expect(result.outcome).toEqual({ kind: "exited", code: 0 });
    expect(result.outputBytes).toBe(100000 + 1 + 14);
    expect(result.truncated).toBe(true);
    expect(result.output.startsWith("a".repeat(1000) + "\n[patchwatch tester: output over 1000 bytes;")).toBe(
      true,
    );
    expect(result.output).toContain(`${100015 - 1000 - 50} bytes omitted, the last 50 follow]\n`);
    expect(result.output.endsWith("a".repeat(35) + "\nthe-last-line\n")).toBe(true);
    expect(result.output.length).toBeLessThan(1200);
  });

  it("output is passed on while the script runs, not only at the end", async () => {
    const arrivals: { text: string; at: number }[] = [];
    const started = Date.now();
    const result = await runScript({
      script: "echo first; sleep 1; echo second",
      cwd: scratch,
      env,
      timeoutMs: 20_000,
      maxOutputBytes: 1024,
      tailBytes: 0,
      onOutput: (chunk) => arrivals.push({ text: chunk.toString(), at: Date.now() - started }),
    });
    const ended = Date.now() - started;
    expect(result.outcome).toEqual({ kind: "exited", code: 0 });
    expect(arrivals.map((a) => a.text).join("")).toBe("first\nsecond\n");
    expect(arrivals[0]!.text).toBe("first\n");
    expect(ended - arrivals[0]!.at).toBeGreaterThanOrEqual(800);
  });

  it("a directory that does not exist is a failure to start, not a test failure", async () => {
    const result = await run("true", { cwd: path.join(scratch, "missing") });
    expect(result.outcome.kind).toBe("spawn-failed");
  });

  it("a NUL byte in the script is a failure to start", async () => {
    const result = await run("echo a\0b");
    expect(result.outcome.kind).toBe("spawn-failed");
  });
});
