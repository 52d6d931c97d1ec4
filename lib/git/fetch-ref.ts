import { checkRefFormat } from "./check-ref-format";
import { GitError } from "./errors";
import { STDERR_KEEP_BYTES } from "./limits";
import { killGitProcess, spawnGit } from "./spawn-git";

export type FetchRefResult = { ok: true } | { ok: false; output: string };

/**
 * `git fetch --no-tags URL +REF:LOCAL` into a (bare) repository: the tester's way of
 * getting the tree it was asked to test. The URL and ref come from a server: neither may
 * pass for an option, the ref must be a valid name (`master` or `refs/tags/…`), and only
 * the transports a repository is served by are accepted (`ext::` would run a command).
 * A fetch of a large tree takes long, so it can be stopped (`signal`) as well as timed out.
 */
export async function fetchRef(
  gitDir: string,
  source: { url: string; ref: string },
  localRef: string,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<FetchRefResult> {
  if (!isFetchUrl(source.url))
    throw new GitError("failed", `not a repository URL: ${JSON.stringify(source.url)}`);
  const fullRef = source.ref.startsWith("refs/") ? source.ref : `refs/heads/${source.ref}`;
  if (source.ref.startsWith("-") || source.ref.includes(":") || !(await checkRefFormat(fullRef)))
    throw new GitError("failed", `not a ref name: ${JSON.stringify(source.ref)}`);
  if (!localRef.startsWith("refs/") || !(await checkRefFormat(localRef)))
    throw new GitError("failed", `not a ref name: ${JSON.stringify(localRef)}`);
  const args = [
    `--git-dir=${gitDir}`,
    "-c",
    "gc.auto=0",
    "fetch",
    "--quiet",
    "--no-tags",
    "--end-of-options",
    source.url,
    `+${source.ref}:${localRef}`,
  ];
  return new Promise<FetchRefResult>((resolve, reject) => {
    const child = spawnGit(args);
    let stderr = "";
    let stoppedBecause: string | null = null;
    const stop = (why: string) => {
      stoppedBecause ??= why;
      killGitProcess(child);
    };
    const timer = setTimeout(
      () => stop(`git fetch took longer than ${options.timeoutMs} ms`),
      options.timeoutMs,
    );
    const onAbort = () => stop("stopped");
    options.signal?.addEventListener("abort", onAbort);
    child.stdin.end();
    child.stdout.resume();
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < STDERR_KEEP_BYTES) stderr += chunk.toString("utf8");
    });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    child.on("error", (cause) => {
      done();
      reject(new GitError("spawn-failed", `could not run git: ${cause.message}`, { args, cause }));
    });
    child.on("close", (code) => {
      done();
      if (stoppedBecause) resolve({ ok: false, output: stoppedBecause });
      else resolve(code === 0 ? { ok: true } : { ok: false, output: stderr.trim() });
    });
    if (options.signal?.aborted) stop("stopped");
  });
}

/**
 * http(s), git, ssh and file URLs, ssh's `user@host:path`, and an absolute path (a
 * repository on this machine, as a project's upstream may be) (git-fetch(1), GIT URLS).
 */
export function isFetchUrl(url: string): boolean {
  return (
    /^\/[^\0\n\r]*$/.test(url) ||
    /^(?:https?|git|ssh|file):\/\/[^\s]+$/.test(url) ||
    /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s-][^\s]*$/.test(url)
  );
}
