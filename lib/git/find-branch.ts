import { runGitOk } from "./run";

/**
 * The branch a mail archive grows on: `refs/heads/master` when present (public-inbox
 * writes there, public-inbox-v2-format(5)), otherwise the first branch by name, so
 * mirrors that renamed it still read. Null for a repository without branches.
 */
export async function findBranch(gitDir: string): Promise<string | null> {
  const { stdout } = await runGitOk([
    `--git-dir=${gitDir}`,
    "for-each-ref",
    "--format=%(refname)",
    "--sort=refname",
    "refs/heads/",
  ]);
  const refs = stdout.toString("utf8").split("\n").filter(Boolean);
  if (refs.includes("refs/heads/master")) return "refs/heads/master";
  return refs[0] ?? null;
}
