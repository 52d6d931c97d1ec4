import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fetchRef } from "./fetch-ref";
import { ensureBareRepo, hasCommit } from "./mirror";
import { resolveCommit } from "./resolve-commit";
import { commit, git, initWorkRepo } from "./test-work-repo";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-fetch-ref-"));
const source = path.join(scratch, "source");
const cache = path.join(scratch, "cache.git");
const options = { timeoutMs: 60_000 };
let tagged = "";

beforeAll(async () => {
  await initWorkRepo(source);
  tagged = await commit(source, { README: "tagged\n" }, "tagged");
  await git(source, ["tag", "patchwatch/demo/v1"]);
  await commit(source, { README: "later\n" }, "later");
  await ensureBareRepo(cache);
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("fetchRef", () => {
  it("fetches a tag into a ref of the cache, and nothing else", async () => {
    const result = await fetchRef(
      cache,
      { url: `file://${source}`, ref: "refs/tags/patchwatch/demo/v1" },
      "refs/patchwatch-tester/7",
      options,
    );
    expect(result).toEqual({ ok: true });
    expect(await resolveCommit(cache, "refs/patchwatch-tester/7")).toBe(tagged);
    expect(await git(cache, ["for-each-ref", "--format=%(refname)"])).toBe("refs/patchwatch-tester/7\n");
  });

  it("fetches a branch named without refs/, from a local path", async () => {
    expect(
      await fetchRef(cache, { url: source, ref: "master" }, "refs/patchwatch-tester/8", options),
    ).toEqual({
      ok: true,
    });
    expect(await hasCommit(cache, tagged)).toBe(true);
  });

  it("a ref the repository does not have is a failure with git's reason", async () => {
    const result = await fetchRef(
      cache,
      { url: source, ref: "refs/tags/nope" },
      "refs/patchwatch-tester/9",
      options,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.output).toMatch(/couldn't find remote ref refs\/tags\/nope/);
  });

  it.each([
    ["a URL that is an option", { url: "--upload-pack=touch /tmp/x", ref: "master" }, /not a repository URL/],
    ["a command transport", { url: "ext::sh -c touch% /tmp/x", ref: "master" }, /not a repository URL/],
    ["a ref that is an option", { url: source, ref: "--upload-pack=x" }, /not a ref name/],
    ["a refspec instead of a ref", { url: source, ref: "master:refs/heads/x" }, /not a ref name/],
    ["an invalid ref name", { url: source, ref: "refs/tags/a..b" }, /not a ref name/],
  ])("refuses %s before git runs", async (_, target, error) => {
    await expect(fetchRef(cache, target, "refs/patchwatch-tester/10", options)).rejects.toThrow(error);
  });

  it("a stop ends a running fetch", async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await fetchRef(cache, { url: source, ref: "master" }, "refs/patchwatch-tester/11", {
      ...options,
      signal: controller.signal,
    });
    expect(result).toEqual({ ok: false, output: "stopped" });
  });
});
