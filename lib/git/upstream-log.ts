import { exitCodeOf } from "./exit-code";
import { GitError, gitCommandName } from "./errors";
import { STDERR_KEEP_BYTES } from "./limits";
import { isObjectId } from "./object-name";
import { killGitProcess, spawnGit, type GitProcess } from "./spawn-git";
import { streamGitLines } from "./stream-lines";

/**
 * The commits of an upstream branch with what merged detection matches them by: their
 * `git patch-id --stable`, subject, author, committer date and message body (for Link: and
 * Message-Id: trailers). Two streams, each one git run for all commits however many:
 * `git log` with the metadata, and `git log -p | git patch-id --stable`; both list the
 * same commits in the same order, and patch-id skips the commits without a diff (merges,
 * empty commits), so they are joined as they come.
 */
export interface UpstreamLogCommit {
  sha: string;
  /** null for a commit with no diff of its own (a merge, an empty commit). */
  patchId: string | null;
  subject: string;
  authorName: string;
  authorEmail: string;
  committedAt: Date | null;
  /** The whole message: subject, body and trailers. */
  body: string;
}

export interface UpstreamLogRange {
  /** Leave out the commits reachable from this one (the head scanned last time). */
  exclude?: string | null | undefined;
  /** Only commits committed at or after this date (a first scan's window). */
  since?: Date | null | undefined;
  /** At most this many commits, newest first. */
  maxCount?: number | null | undefined;
}

const RECORD = "\x1e";
const FIELD = "\x1f";
const META_FORMAT = `--format=${"%x1e%H%x1f%an%x1f%ae%x1f%cI%x1f%s%x1f%B"}`;

function rangeArgs(head: string, range: UpstreamLogRange): string[] {
  if (!isObjectId(head)) throw new GitError("failed", `not an object id: ${JSON.stringify(head)}`);
  if (range.exclude && !isObjectId(range.exclude))
    throw new GitError("failed", `not an object id: ${JSON.stringify(range.exclude)}`);
  const limits: string[] = [];
  if (range.maxCount) limits.push(`--max-count=${Math.max(1, Math.floor(range.maxCount))}`);
  if (range.since) limits.push(`--since=${range.since.toISOString()}`);
  return [...limits, "--end-of-options", head, ...(range.exclude ? [`^${range.exclude}`] : []), "--"];
}

/** Newest first; see UpstreamLogCommit. */
export async function* readUpstreamLog(
  gitDir: string,
  head: string,
  range: UpstreamLogRange = {},
): AsyncGenerator<UpstreamLogCommit, void, undefined> {
  const revs = rangeArgs(head, range);
  const ids = streamPatchIds(gitDir, revs)[Symbol.asyncIterator]();
  let pending = await ids.next();
  try {
    for await (const meta of readMeta(gitDir, revs)) {
      let patchId: string | null = null;
      if (!pending.done && pending.value.sha === meta.sha) {
        patchId = pending.value.patchId;
        pending = await ids.next();
      }
      yield { ...meta, patchId };
    }
  } finally {
    await ids.return?.();
  }
}

async function* readMeta(gitDir: string, revs: string[]): AsyncGenerator<Omit<UpstreamLogCommit, "patchId">> {
  let current: Omit<UpstreamLogCommit, "patchId"> | null = null;
  let body: string[] = [];
  const finish = () => {
    if (!current) return null;
    const done = { ...current, body: body.join("\n").trimEnd() };
    current = null;
    body = [];
    return done;
  };
  for await (const line of streamGitLines([
    `--git-dir=${gitDir}`,
    "log",
    "--no-color",
    "--encoding=UTF-8",
    META_FORMAT,
    ...revs,
  ])) {
    if (line.startsWith(RECORD)) {
      const fields = line.slice(1).split(FIELD);
      const [sha = "", authorName = "", authorEmail = "", date = "", subject = ""] = fields;
      if (isObjectId(sha)) {
        const done = finish();
        if (done) yield done;
        const at = new Date(date);
        current = {
          sha,
          subject,
          authorName,
          authorEmail: authorEmail.toLowerCase(),
          committedAt: Number.isNaN(at.getTime()) ? null : at,
          body: "",
        };
        body = [fields.slice(5).join(FIELD)];
        continue;
      }
    }
    if (current) body.push(line);
  }
  const last = finish();
  if (last) yield last;
}

/** `git log -p … | git patch-id --stable`, one `{sha, patchId}` per commit with a diff, in log order. */
async function* streamPatchIds(
  gitDir: string,
  revs: string[],
): AsyncGenerator<{ sha: string; patchId: string }, void, undefined> {
  // Diff options fixed to what format-patch writes (no external diff, no textconv); a
  // "commit <sha>" line is what patch-id reads as the start of the next commit.
  const logArgs = [
    `--git-dir=${gitDir}`,
    "log",
    "-p",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--format=commit %H",
    ...revs,
  ];
  const idArgs = [`--git-dir=${gitDir}`, "patch-id", "--stable"];
  const log = spawnGit(logArgs);
  let ids: GitProcess;
  try {
    ids = spawnGit(idArgs);
  } catch (error) {
    killGitProcess(log);
    throw error;
  }
  log.stdin.on("error", () => {});
  log.stdin.end();
  ids.stdin.on("error", () => {});
  log.stdout.pipe(ids.stdin);
  const logExit = exitOf(log, logArgs);
  const idExit = exitOf(ids, idArgs);
  let finished = false;
  try {
    let partial = "";
    for await (const chunk of ids.stdout as AsyncIterable<Buffer>) {
      const lines = (partial + chunk.toString("latin1")).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        const [patchId, sha] = line.split(" ");
        if (patchId && sha && isObjectId(sha)) yield { sha, patchId };
      }
    }
    const [logCode, idCode] = [await logExit.code, await idExit.code];
    finished = true;
    for (const [code, args, exit] of [
      [logCode, logArgs, logExit],
      [idCode, idArgs, idExit],
    ] as const) {
      if (code !== 0)
        throw new GitError(
          "failed",
          `git ${gitCommandName(args)} exited with ${code}: ${exit.stderr().trim()}`,
          {
            args,
            exitCode: code,
            stderr: exit.stderr(),
          },
        );
    }
  } finally {
    if (!finished) {
      killGitProcess(ids);
      killGitProcess(log);
      await Promise.all([logExit.code.catch(() => {}), idExit.code.catch(() => {})]);
    }
  }
}

function exitOf(child: GitProcess, args: readonly string[]): { code: Promise<number>; stderr: () => string } {
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text: string) => {
    if (stderr.length < STDERR_KEEP_BYTES) stderr += text;
  });
  const code = new Promise<number>((resolve, reject) => {
    child.once("error", (cause) =>
      reject(new GitError("spawn-failed", `could not run git: ${cause.message}`, { args, cause })),
    );
    child.once("close", (c, signal) => resolve(exitCodeOf(c, signal)));
  });
  code.catch(() => {});
  return { code, stderr: () => stderr };
}
