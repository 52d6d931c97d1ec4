import fs from "node:fs";
import path from "node:path";

import { checkRefFormat } from "./check-ref-format";
import { GitError } from "./errors";
import { PUSH_TIMEOUT_MS } from "./limits";
import { ensureBareRepo } from "./mirror";
import { isObjectId } from "./object-name";
import { resolveCommit } from "./resolve-commit";
import { runGit, runGitOk } from "./run";

/**
 * Tags of applied series. The tag is set in the mirror, whose object store holds the
 * commits `git am` made (worktrees share it), which also keeps them from being pruned
 * there and lets a series `Based-on:` this one start from them; and in the publish
 * repository (a local bare repository served over HTTP), which borrows the mirror's
 * objects and so needs the ref alone (ensurePublishRepo). A configured remote gets the
 * tag by a push, forced: a series applied again moves its tag.
 */
async function tagRef(tag: string): Promise<string> {
  const ref = `refs/tags/${tag}`;
  if (!(await checkRefFormat(ref)))
    throw new GitError("failed", `not a valid tag name: ${JSON.stringify(tag)}`);
  return ref;
}

/** Pushes the mirror's tag to `remote` (a local repository path or a URL). */
export async function pushTag(
  mirror: string,
  remote: string,
  tag: string,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  if (remote.startsWith("-")) throw new GitError("failed", `not a repository: ${JSON.stringify(remote)}`);
  const ref = await tagRef(tag);
  await runGitOk(
    [`--git-dir=${mirror}`, "push", "--quiet", "--no-verify", "--end-of-options", remote, `+${ref}:${ref}`],
    { timeoutMs: options.timeoutMs ?? PUSH_TIMEOUT_MS },
  );
}

/**
 * The publish repository: a bare repository borrowing the mirror's objects (git's
 * alternates, gitrepository-layout(5)), so it holds refs only and the first tag does not
 * copy the whole upstream history. Every object a published tag needs stays reachable in
 * the mirror, which keeps the same tags.
 */
export async function ensurePublishRepo(mirror: string, publish: string): Promise<void> {
  await ensureBareRepo(publish);
  const alternates = path.join(publish, "objects", "info", "alternates");
  const wanted = `${path.resolve(mirror, "objects")}\n`;
  const present = fs.existsSync(alternates) ? fs.readFileSync(alternates, "utf8") : "";
  if (present !== wanted) {
    fs.mkdirSync(path.dirname(alternates), { recursive: true });
    fs.writeFileSync(alternates, wanted);
  }
}

/**
 * Sets the tag of an applied series in the mirror and in the publish repository (created
 * if needed): one `update-ref` in each, since the publish repository already sees the
 * mirror's objects. A local push to it did the same in more time than `git am` of the
 * series took (bench/apply): two repositories negotiating over a pipe to send nothing.
 */
export async function publishSeriesTag(
  mirror: string,
  publish: string,
  tag: string,
  commit: string,
): Promise<void> {
  if (!isObjectId(commit)) throw new GitError("failed", `not an object id: ${JSON.stringify(commit)}`);
  const ref = await tagRef(tag);
  await ensurePublishRepo(mirror, publish);
  for (const gitDir of [mirror, publish])
    await runGitOk([`--git-dir=${gitDir}`, "update-ref", "--no-deref", ref, commit]);
}

/**
 * Removes the tag from the mirror, from the publish repository and from each remote that
 * has it (a remote without it is not an error: deleting is making sure it is gone).
 */
export async function deleteTag(
  mirror: string,
  publish: string,
  remotes: string[],
  tag: string,
): Promise<void> {
  const ref = await tagRef(tag);
  for (const remote of remotes) {
    if (remote.startsWith("-")) continue;
    await runGit(
      [`--git-dir=${mirror}`, "push", "--quiet", "--no-verify", "--end-of-options", remote, `:${ref}`],
      {
        timeoutMs: PUSH_TIMEOUT_MS,
      },
    );
  }
  if (fs.existsSync(path.join(publish, "HEAD"))) await deleteLocalRef(publish, ref);
  await deleteLocalRef(mirror, ref);
}

/**
 * `git update-ref -d`, made sure of: a ref lock held for a moment by another git process
 * (a fetch from the publish repository) is waited out; a ref that stays is an error.
 */
async function deleteLocalRef(gitDir: string, ref: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const result = await runGit([`--git-dir=${gitDir}`, "update-ref", "-d", ref]);
    if (result.code === 0 || (await resolveCommit(gitDir, ref)) === null) return;
    if (attempt === 3)
      throw new GitError("failed", `git update-ref -d ${ref} failed: ${result.stderr.trim()}`);
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
}
