import { GitError } from "./errors";
import { runGit, runGitOk } from "./run";

/** Fetching one tag of a series: its commits over the network, the rest is already there. */
const FETCH_TIMEOUT_MS = 10 * 60_000;

export type FetchTagResult = { ok: true; commit: string } | { ok: false; output: string };

/**
 * Fetches `tag` from the repository at `url` and checks it out on a new branch, as
 * `git fetch URL TAG && git checkout -b BRANCH FETCH_HEAD` would. The URL, tag and branch
 * come from a server: each is checked before git sees it (an http(s) URL, a valid tag
 * ref, a valid new branch name; none may pass for an option).
 */
export async function fetchTagToBranch(
  cwd: string,
  target: { url: string; tag: string; branch: string },
  env: Record<string, string>,
): Promise<FetchTagResult> {
  if (!/^https?:\/\/[^\s]+$/.test(target.url)) throw refused(`not an http(s) URL: ${target.url}`);
  const ref = `refs/tags/${target.tag}`;
  if (target.tag.startsWith("-") || (await runGit(["check-ref-format", ref], { env })).code !== 0) {
    throw refused(`not a tag name: ${target.tag}`);
  }
  if (
    target.branch.startsWith("-") ||
    (await runGit(["check-ref-format", "--branch", target.branch], { env })).code !== 0
  ) {
    throw refused(`not a branch name: ${target.branch}`);
  }
  const fetch = await runGit(["fetch", "--no-tags", target.url, ref], {
    cwd,
    env,
    timeoutMs: FETCH_TIMEOUT_MS,
  });
  if (fetch.code !== 0) return { ok: false, output: fetch.stderr.trim() };
  const { stdout } = await runGitOk(["rev-parse", "--verify", "FETCH_HEAD^{commit}"], { cwd, env });
  const commit = stdout.toString("utf8").trim();
  const checkout = await runGit(["checkout", "-b", target.branch, commit], { cwd, env });
  if (checkout.code !== 0) return { ok: false, output: checkout.stderr.trim() };
  return { ok: true, commit };
}

function refused(message: string): GitError {
  return new GitError("failed", message);
}
