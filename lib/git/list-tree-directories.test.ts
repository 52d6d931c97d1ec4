import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listTreeDirectories } from "./list-tree-directories";
import { runGitOk } from "./run";
import { commit, initWorkRepo } from "./test-work-repo";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-tree-dirs-"));
const work = path.join(scratch, "work");
const bare = path.join(scratch, "mirror.git");

beforeAll(async () => {
  await initWorkRepo(work);
  await commit(
    work,
    {
      MAINTAINERS: "x\n",
      "hw/mips/malta.c": "m\n",
      "hw/sensor/tmp105.c": "t\n",
      "docs/ünïcode dir/a.rst": "u\n",
    },
    "tree",
  );
  await runGitOk(["clone", "-q", "--bare", work, bare]);
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("listTreeDirectories", () => {
  it("lists every directory of the tree at a ref, at any depth, names unquoted", async () => {
    expect((await listTreeDirectories(bare, "refs/heads/master")).sort()).toEqual([
      "docs",
      "docs/ünïcode dir",
      "hw",
      "hw/mips",
      "hw/sensor",
    ]);
  });

  it("refuses what is not a ref, and fails on a ref that does not exist", async () => {
    await expect(listTreeDirectories(bare, "--output=/tmp/x")).rejects.toThrow(/not a ref/);
    await expect(listTreeDirectories(bare, "refs/heads/nope")).rejects.toThrow();
  });
});
