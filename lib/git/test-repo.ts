import { runGitOk } from "./run";

/**
 * Test support: builds bare repositories with git's plumbing, so tests control every
 * tree and commit exactly. Dates are fixed so object ids are the same on every run.
 */
const IDENTITY = {
  GIT_AUTHOR_NAME: "Patchwatch Test",
  GIT_AUTHOR_EMAIL: "test@patchwatch.invalid",
  GIT_AUTHOR_DATE: "@1700000000 +0000",
  GIT_COMMITTER_NAME: "Patchwatch Test",
  GIT_COMMITTER_EMAIL: "test@patchwatch.invalid",
  GIT_COMMITTER_DATE: "@1700000000 +0000",
};

export async function initBareRepo(gitDir: string): Promise<void> {
  await runGitOk(["init", "--bare", "-q", gitDir]);
}

export async function writeBlob(gitDir: string, content: Buffer | string): Promise<string> {
  const { stdout } = await runGitOk([`--git-dir=${gitDir}`, "hash-object", "-w", "--stdin"], {
    input: content,
  });
  return stdout.toString().trim();
}

/** A commit whose tree holds exactly `files` (name → blob id) at the top level, on top of `parent`. */
export async function commitTree(
  gitDir: string,
  files: Record<string, string>,
  parent: string | null,
  message: string,
): Promise<string> {
  const listing = Object.entries(files)
    .map(([name, blob]) => `100644 blob ${blob}\t${name}\n`)
    .join("");
  const tree = (await runGitOk([`--git-dir=${gitDir}`, "mktree"], { input: listing })).stdout
    .toString()
    .trim();
  const parents = parent ? ["-p", parent] : [];
  const { stdout } = await runGitOk([`--git-dir=${gitDir}`, "commit-tree", tree, ...parents, "-m", message], {
    env: IDENTITY,
  });
  return stdout.toString().trim();
}

export async function setRef(gitDir: string, ref: string, commit: string): Promise<void> {
  await runGitOk([`--git-dir=${gitDir}`, "update-ref", ref, commit]);
}

/**
 * Commits each message as blob `m` on refs/heads/master, one commit per message, with
 * `git fast-import` (one process for thousands of commits; git-fast-import(1)).
 * Returns the commit ids in order.
 */
export async function fastImportMessages(gitDir: string, messages: Buffer[]): Promise<string[]> {
  const parts: Buffer[] = [];
  messages.forEach((raw, i) => {
    parts.push(
      Buffer.from(
        `commit refs/heads/master\nmark :${i + 1}\ncommitter Patchwatch Test <test@patchwatch.invalid> ${1700000000 + i} +0000\n` +
          `data 1\nm\nM 100644 inline m\ndata ${raw.length}\n`,
      ),
      raw,
      Buffer.from("\n"),
    );
  });
  const marks = messages.map((_, i) => `get-mark :${i + 1}\n`).join("");
  const { stdout } = await runGitOk([`--git-dir=${gitDir}`, "fast-import", "--quiet", "--cat-blob-fd=1"], {
    input: Buffer.concat([...parts, Buffer.from(marks)]),
    timeoutMs: 120_000,
  });
  return stdout.toString().trim().split("\n");
}
