import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { findBranch } from "./find-branch";
import { isAncestor } from "./is-ancestor";
import { listCommits } from "./list-commits";
import { streamGitLines } from "./stream-lines";
import { commitTree, initBareRepo, setRef, writeBlob } from "./test-repo";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-commits-"));
const gitDir = path.join(scratch, "repo.git");
const commits: string[] = [];

beforeAll(async () => {
  await initBareRepo(gitDir);
  let parent: string | null = null;
  for (let i = 0; i < 30; i++) {
    const blob = await writeBlob(gitDir, `message ${i}\n`);
    parent = await commitTree(gitDir, { m: blob }, parent, `m${i}`);
    commits.push(parent);
  }
  await setRef(gitDir, "refs/heads/master", parent!);
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe("listCommits", () => {
  it("lists a branch's commits oldest first", async () => {
    expect(await collect(listCommits(gitDir, "refs/heads/master"))).toEqual(commits);
  });

  it("lists only the commits after `since`", async () => {
    expect(await collect(listCommits(gitDir, "refs/heads/master", { since: commits[19]! }))).toEqual(
      commits.slice(20),
    );
  });

  it("refuses a ref that git could read as an option", async () => {
    await expect(collect(listCommits(gitDir, "--all"))).rejects.toThrow(/not a ref/);
    await expect(collect(listCommits(gitDir, "refs/heads/master", { since: "--all" }))).rejects.toThrow(
      /not an object id/,
    );
  });

  it("fails with `failed` for a branch that does not exist", async () => {
    await expect(collect(listCommits(gitDir, "refs/heads/nope"))).rejects.toMatchObject({ code: "failed" });
  });
});

describe("streamGitLines", () => {
  it("stops git when the reader stops early", async () => {
    const seen: string[] = [];
    for await (const line of streamGitLines([`--git-dir=${gitDir}`, "rev-list", "refs/heads/master"])) {
      seen.push(line);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(commits.slice(-3).reverse());
  });
});

describe("findBranch and isAncestor", () => {
  it("picks refs/heads/master, else the first branch by name, else null", async () => {
    expect(await findBranch(gitDir)).toBe("refs/heads/master");
    const other = path.join(scratch, "other.git");
    await initBareRepo(other);
    expect(await findBranch(other)).toBeNull();
    const blob = await writeBlob(other, "x\n");
    const commit = await commitTree(other, { m: blob }, null, "x");
    await setRef(other, "refs/heads/zeta", commit);
    await setRef(other, "refs/heads/main", commit);
    expect(await findBranch(other)).toBe("refs/heads/main");
  });

  it("says whether a commit is in a branch's history, and no for an unknown commit", async () => {
    expect(await isAncestor(gitDir, commits[3]!, "refs/heads/master")).toBe(true);
    expect(await isAncestor(gitDir, "1".repeat(40), "refs/heads/master")).toBe(false);
  });
});
