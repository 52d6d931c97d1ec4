import { GitError } from "./errors";
import { isFullRefName, isObjectId } from "./object-name";
import { runGitOk } from "./run";

/** Largest listing read: Linux's tree has about 6,000 directories (well under 1 MiB of names). */
const LIST_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Every directory in the tree of `ref` (a full ref name, `HEAD` or an object id) of the
 * repository at `repoDir`, as paths without a trailing `/` (`hw`, `hw/mips`, …). MAINTAINERS
 * readers need them: an `F:` value naming a directory matches everything below it.
 */
export async function listTreeDirectories(repoDir: string, ref: string): Promise<string[]> {
  if (ref !== "HEAD" && !isFullRefName(ref) && !isObjectId(ref))
    throw new GitError("failed", `not a ref: ${JSON.stringify(ref)}`);
  const { stdout } = await runGitOk(
    [`--git-dir=${repoDir}`, "-c", "core.quotePath=false", "ls-tree", "-r", "-d", "-z", "--name-only", ref],
    { maxOutputBytes: LIST_MAX_BYTES },
  );
  return stdout
    .toString("utf8")
    .split("\0")
    .filter((name) => name.length > 0);
}
