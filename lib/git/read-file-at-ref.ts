import { GitError } from "./errors";
import { isFullRefName, isObjectId } from "./object-name";
import { runGit, runGitOk } from "./run";

/**
 * Largest file read this way. MAINTAINERS files are small (Linux's is under 1 MiB);
 * anything far bigger is not one and is refused rather than buffered.
 */
export const READ_FILE_MAX_BYTES = 16 * 1024 * 1024;

/** A path inside the tree: relative, no `.`/`..` components, nothing git could read as an option or revision syntax. */
function isTreePath(filePath: string): boolean {
  return (
    filePath.length > 0 &&
    !filePath.startsWith("/") &&
    !filePath.startsWith("-") &&
    !filePath.includes("\0") &&
    !filePath.includes("\n") &&
    filePath.split("/").every((part) => part !== "" && part !== "." && part !== "..")
  );
}

/**
 * The content of `filePath` in the tree of `ref` (a full ref name such as
 * `refs/heads/master`, `HEAD`, or an object id) of the repository at `repoDir` (a bare
 * mirror), with the blob id so a caller can tell when the file changed. Null when the
 * ref or the file does not exist, or the path is not a file. The text is decoded as UTF-8.
 */
export async function readFileAtRef(
  repoDir: string,
  ref: string,
  filePath: string,
): Promise<{ blob: string; text: string } | null> {
  if (ref !== "HEAD" && !isFullRefName(ref) && !isObjectId(ref))
    throw new GitError("failed", `not a ref: ${JSON.stringify(ref)}`);
  if (!isTreePath(filePath))
    throw new GitError("failed", `not a path in a tree: ${JSON.stringify(filePath)}`);
  const gitDir = `--git-dir=${repoDir}`;
  const resolved = await runGit([
    gitDir,
    "rev-parse",
    "--verify",
    "--quiet",
    "--end-of-options",
    `${ref}:${filePath}`,
  ]);
  if (resolved.code !== 0) return null;
  const blob = resolved.stdout.toString().trim();
  if (!isObjectId(blob)) return null;
  const type = await runGitOk([gitDir, "cat-file", "-t", blob]);
  if (type.stdout.toString().trim() !== "blob") return null;
  const content = await runGitOk([gitDir, "cat-file", "blob", blob], { maxOutputBytes: READ_FILE_MAX_BYTES });
  return { blob, text: content.stdout.toString("utf8") };
}
