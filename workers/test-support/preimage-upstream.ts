import fs from "node:fs";
import path from "node:path";

import { runGitOk } from "../../lib/git/run";
import { preimageTree } from "../../e2e/support/preimage-tree";

/**
 * A bare upstream repository whose master holds what the given patches change, as it
 * was before them (e2e/support/preimage-tree.ts): the patches then apply to it with
 * `git am`. Returns the head commit.
 */
const IDENTITY = {
  GIT_AUTHOR_NAME: "Upstream stand-in",
  GIT_AUTHOR_EMAIL: "upstream@patchwatch.invalid",
  GIT_AUTHOR_DATE: "@1754006400 +0000",
  GIT_COMMITTER_NAME: "Upstream stand-in",
  GIT_COMMITTER_EMAIL: "upstream@patchwatch.invalid",
  GIT_COMMITTER_DATE: "@1754006400 +0000",
};

export async function buildPreimageUpstream(gitDir: string, patchTexts: string[]): Promise<string> {
  const files = preimageTree(patchTexts);
  files.set("README", "the files the test series change, as they were before\n");
  await runGitOk(["init", "--bare", "--quiet", gitDir]);
  const git = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
    runGitOk([`--git-dir=${gitDir}`, ...args], options).then((r) => r.stdout.toString().trim());
  const index = path.join(gitDir, "preimage-index");
  const entries: string[] = [];
  for (const [file, text] of files) {
    const blob = await git(["hash-object", "-w", "--stdin"], { input: text });
    entries.push(`100644 ${blob}\t${file}\n`);
  }
  await git(["update-index", "--index-info"], { input: entries.join(""), env: { GIT_INDEX_FILE: index } });
  const tree = await git(["write-tree"], { env: { GIT_INDEX_FILE: index } });
  fs.rmSync(index, { force: true });
  const commit = await git(["commit-tree", tree, "-m", "before the series"], { env: IDENTITY });
  await git(["update-ref", "refs/heads/master", commit]);
  await git(["symbolic-ref", "HEAD", "refs/heads/master"]);
  return commit;
}
