import { exitCodeOf } from "./exit-code";
import { GitError, gitCommandName } from "./errors";
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_TIMEOUT_MS, STDERR_KEEP_BYTES } from "./limits";
import { killGitProcess, spawnGit } from "./spawn-git";

export interface RunGitOptions {
  cwd?: string;
  input?: Buffer | string;
  timeoutMs?: number;
  maxOutputBytes?: number;
  /** Added to the clean environment (gitEnv), e.g. GIT_AUTHOR_NAME for a commit. */
  env?: Record<string, string>;
}

export interface GitResult {
  /** Exit status; 128 + signal number if a signal we did not send ended git. */
  code: number;
  stdout: Buffer;
  /** The first STDERR_KEEP_BYTES of stderr, decoded as UTF-8. */
  stderr: string;
}

/**
 * Runs one git command to completion and collects its output. A non-zero exit is a
 * result, not an error (`git merge-base --is-ancestor` answers with its exit code); use
 * runGitOk when any failure should throw. Throws GitError for `timeout`,
 * `output-too-large` (git is killed as soon as stdout passes the cap) and `spawn-failed`.
 */
export function runGit(args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxOutput = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  return new Promise<GitResult>((resolve, reject) => {
    // Inside the executor, so that a refused argument rejects instead of throwing.
    const child = spawnGit(args, { cwd: options.cwd, env: options.env });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    const stderr: Buffer[] = [];
    let stderrBytes = 0;
    let failure: GitError | null = null;

    const fail = (error: GitError) => {
      failure ??= error;
      killGitProcess(child);
    };
    const timer = setTimeout(
      () =>
        fail(
          new GitError("timeout", `git ${gitCommandName(args)} took longer than ${timeoutMs} ms`, { args }),
        ),
      timeoutMs,
    );

    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxOutput) {
        fail(
          new GitError("output-too-large", `git ${gitCommandName(args)} wrote more than ${maxOutput} bytes`, {
            args,
          }),
        );
        return;
      }
      if (!failure) stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderrBytes < STDERR_KEEP_BYTES) stderr.push(chunk.subarray(0, STDERR_KEEP_BYTES - stderrBytes));
      stderrBytes += chunk.length;
    });
    // git may exit without reading all its input (EPIPE); its exit status says what happened.
    child.stdin.on("error", () => {});
    child.on("error", (cause) => {
      clearTimeout(timer);
      reject(failure ?? new GitError("spawn-failed", `could not run git: ${cause.message}`, { args, cause }));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (failure) return reject(failure);
      resolve({
        code: exitCodeOf(code, signal),
        stdout: Buffer.concat(stdout, stdoutBytes),
        stderr: Buffer.concat(stderr).toString("utf8"),
      });
    });
    child.stdin.end(options.input);
  });
}

/** runGit, but a non-zero exit throws GitError `failed` carrying git's stderr. */
export async function runGitOk(args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  const result = await runGit(args, options);
  if (result.code !== 0) {
    const reason = result.stderr.trim().split("\n").slice(-1)[0] ?? "";
    throw new GitError(
      "failed",
      `git ${gitCommandName(args)} exited with ${result.code}${reason ? `: ${reason}` : ""}`,
      {
        args,
        exitCode: result.code,
        stderr: result.stderr,
      },
    );
  }
  return result;
}
