import { StringDecoder } from "node:string_decoder";

import { exitCodeOf } from "./exit-code";
import { GitError, gitCommandName } from "./errors";
import { STDERR_KEEP_BYTES } from "./limits";
import { killGitProcess, spawnGit } from "./spawn-git";

export interface StreamGitLinesOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/**
 * Runs git and yields its stdout line by line (without the LF) as git writes it, so a
 * million-line `rev-list` never sits in memory at once; reading pauses git through the
 * pipe when the consumer is slower than git. A non-zero exit throws GitError `failed`
 * after the last line. If the consumer stops early, git is killed.
 *
 * There is no overall timeout: a listing of a large archive legitimately takes long, and
 * the consumer decides when to stop.
 */
export async function* streamGitLines(
  args: readonly string[],
  options: StreamGitLinesOptions = {},
): AsyncGenerator<string, void, undefined> {
  const child = spawnGit(args, { cwd: options.cwd, env: options.env });
  child.stdin.on("error", () => {});
  child.stdin.end();
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text: string) => {
    if (stderr.length < STDERR_KEEP_BYTES) stderr += text;
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.once("error", (cause) =>
      reject(new GitError("spawn-failed", `could not run git: ${cause.message}`, { args, cause })),
    );
    child.once("close", (code, signal) => resolve(exitCodeOf(code, signal)));
  });
  exited.catch(() => {});

  let finished = false;
  try {
    const decoder = new StringDecoder("utf8");
    let partial = "";
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const text = partial + decoder.write(chunk);
      const lines = text.split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) yield line;
    }
    partial += decoder.end();
    if (partial) yield partial;
    const code = await exited;
    finished = true;
    if (code !== 0) {
      throw new GitError("failed", `git ${gitCommandName(args)} exited with ${code}: ${stderr.trim()}`, {
        args,
        exitCode: code,
        stderr,
      });
    }
  } finally {
    if (!finished) {
      killGitProcess(child);
      await exited.catch(() => {});
    }
  }
}
