import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readFileAtRef } from "./read-file-at-ref";
import { runGitOk } from "./run";
import { commitTree, initBareRepo, setRef, writeBlob } from "./test-repo";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-read-file-"));
const gitDir = path.join(scratch, "mirror.git");
const first = "QEMU Maintainers\n\nGeneral\nM: A Person <a@example.org>\nF: *\n";
const second = "QEMU Maintainers\n\nGeneral\nM: Zoë Person <z@example.org>\nF: *\n";
let blobs: string[] = [];
let commits: string[] = [];

beforeAll(async () => {
  await initBareRepo(gitDir);
  blobs = [await writeBlob(gitDir, first), await writeBlob(gitDir, second)];
  const readme = await writeBlob(gitDir, "read me\n");
  const c1 = await commitTree(gitDir, { MAINTAINERS: blobs[0]!, README: readme }, null, "one");
  const c2 = await commitTree(gitDir, { MAINTAINERS: blobs[1]!, README: readme }, c1, "two");
  commits = [c1, c2];
  await setRef(gitDir, "refs/heads/master", c2);
  await setRef(gitDir, "refs/heads/stable", c1);
  // A tree entry that is a directory, to check that only files are read.
  const subtree = (
    await runGitOk([`--git-dir=${gitDir}`, "mktree"], { input: `100644 blob ${readme}\tinner\n` })
  ).stdout
    .toString()
    .trim();
  const top = (
    await runGitOk([`--git-dir=${gitDir}`, "mktree"], { input: `040000 tree ${subtree}\tdocs\n` })
  ).stdout
    .toString()
    .trim();
  const c3 = (
    await runGitOk([`--git-dir=${gitDir}`, "commit-tree", top, "-m", "dir"], {
      env: {
        GIT_AUTHOR_NAME: "T",
        GIT_AUTHOR_EMAIL: "t@patchwatch.invalid",
        GIT_COMMITTER_NAME: "T",
        GIT_COMMITTER_EMAIL: "t@patchwatch.invalid",
      },
    })
  ).stdout
    .toString()
    .trim();
  await setRef(gitDir, "refs/heads/dirs", c3);
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("readFileAtRef", () => {
  it("reads a file at each branch head, with its blob id", async () => {
    expect(await readFileAtRef(gitDir, "refs/heads/master", "MAINTAINERS")).toEqual({
      blob: blobs[1],
      text: second,
    });
    expect(await readFileAtRef(gitDir, "refs/heads/stable", "MAINTAINERS")).toEqual({
      blob: blobs[0],
      text: first,
    });
    expect(await readFileAtRef(gitDir, commits[0]!, "MAINTAINERS")).toEqual({ blob: blobs[0], text: first });
  });

  it("answers null for a missing file, a missing branch or a directory", async () => {
    expect(await readFileAtRef(gitDir, "refs/heads/master", "NOPE")).toBeNull();
    expect(await readFileAtRef(gitDir, "refs/heads/gone", "MAINTAINERS")).toBeNull();
    expect(await readFileAtRef(gitDir, "refs/heads/dirs", "docs")).toBeNull();
    expect((await readFileAtRef(gitDir, "refs/heads/dirs", "docs/inner"))?.text).toBe("read me\n");
  });

  it("refuses refs and paths git could read as options or revision syntax", async () => {
    await expect(readFileAtRef(gitDir, "--all", "MAINTAINERS")).rejects.toThrow(/not a ref/);
    await expect(readFileAtRef(gitDir, "master@{1}", "MAINTAINERS")).rejects.toThrow(/not a ref/);
    await expect(readFileAtRef(gitDir, "refs/heads/master", "../x")).rejects.toThrow(/not a path/);
    await expect(readFileAtRef(gitDir, "refs/heads/master", "-x")).rejects.toThrow(/not a path/);
  });
});
