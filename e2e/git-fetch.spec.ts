import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test } from "@playwright/test";

import { runGit, runGitOk } from "../lib/git/run";
import { commitTree, initBareRepo, setRef, writeBlob } from "../lib/git/test-repo";

// The fetch link a series page shows, run for real: `git fetch <server>/git/ltp <tag>`
// against the server Playwright started, on its data directory (playwright.config.ts).
// A tag the applier pushed is used when there is one; otherwise the test publishes one.
const dataDir = process.env.E2E_DATA_DIR!;
const publish = path.join(dataDir, "git", "ltp.git");
const OWN_TAG = "patchwatch/e2e-git-fetch-check";

async function seriesTag(): Promise<{ tag: string; commit: string }> {
  if (!fs.existsSync(publish)) await initBareRepo(publish);
  const listed = await runGitOk([
    `--git-dir=${publish}`,
    "for-each-ref",
    "--count=1",
    "--format=%(refname:lstrip=2) %(objectname)",
    "refs/tags/patchwatch/",
  ]);
  const [tag, commit] = listed.stdout.toString().trim().split(" ");
  if (tag && commit) return { tag, commit: await commitOf(tag) };
  const base = await commitTree(publish, { README: await writeBlob(publish, "LTP\n") }, null, "base");
  const head = await commitTree(
    publish,
    { README: await writeBlob(publish, "Linux Test Project\n") },
    base,
    "doc: spell the name out",
  );
  await setRef(publish, `refs/tags/${OWN_TAG}`, head);
  return { tag: OWN_TAG, commit: head };
}

async function commitOf(tag: string): Promise<string> {
  const { stdout } = await runGitOk([
    `--git-dir=${publish}`,
    "rev-parse",
    "--verify",
    `refs/tags/${tag}^{commit}`,
  ]);
  return stdout.toString().trim();
}

test("`git fetch <server>/git/ltp <tag>` fetches the applied series, and push is refused", async ({
  baseURL,
}) => {
  const { tag, commit } = await seriesTag();
  const clone = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-e2e-fetch-"));
  try {
    await runGitOk(["init", "-q", clone]);
    await runGitOk(["fetch", "-q", `${baseURL}/git/ltp`, tag], { cwd: clone, timeoutMs: 120_000 });
    const fetched = await runGitOk(["rev-parse", "FETCH_HEAD^{commit}"], { cwd: clone });
    expect(fetched.stdout.toString().trim()).toBe(commit);
    // Every object of the series came along, not just the commit.
    await runGitOk(["fsck", "--connectivity-only", "--no-dangling", "FETCH_HEAD"], { cwd: clone });

    const push = await runGit(["push", `${baseURL}/git/ltp`, `FETCH_HEAD:refs/heads/e2e-push`], {
      cwd: clone,
    });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/403/);
    expect(push.stderr).toMatch(/read-only/);
  } finally {
    fs.rmSync(clone, { recursive: true, force: true });
  }
});

test("the git server answers 404 for a project that does not exist and for non-git paths", async ({
  request,
}) => {
  await seriesTag();
  const unknown = await request.get("/git/no-such-project/info/refs?service=git-upload-pack");
  expect(unknown.status()).toBe(404);
  const dumb = await request.get("/git/ltp/HEAD");
  expect(dumb.status()).toBe(404);
  expect(await dumb.text()).toMatch(/not a path of git's smart HTTP protocol/);
});
