import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { gitAm } from "./am";
import { amInWorktree } from "./am-in-worktree";
import { checkRefFormat } from "./check-ref-format";
import { commitsTouching } from "./commits-touching";
import { fetchMirror, mirrorHead } from "./mirror";
import { deleteTag, publishSeriesTag } from "./publish";
import { resolveCommit } from "./resolve-commit";
import { runGitOk } from "./run";
import { commit, formatPatches, git, initWorkRepo } from "./test-work-repo";
import { amStateDir, cleanWorktree, prepareWorktree } from "./worktree";

// The git side of the applier on real repositories: an upstream, its mirror, a reused
// worktree, `git am --3way` of real format-patch output, and the publish repository.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-applier-git-"));
const upstream = path.join(scratch, "upstream");
const author = path.join(scratch, "author");
const mirror = path.join(scratch, "mirror.git");
const publish = path.join(scratch, "publish.git");
const worktree = path.join(scratch, "worktrees", "0");
const mbox = path.join(scratch, "series.mbox");
let base = "";

async function treeOf(gitDir: string, rev: string): Promise<string> {
  return (await runGitOk([`--git-dir=${gitDir}`, "rev-parse", `${rev}^{tree}`])).stdout.toString().trim();
}

beforeAll(async () => {
  await initWorkRepo(upstream);
  base = await commit(
    upstream,
    { "src/main.c": "int main(void)\n{\n\treturn 0;\n}\n", "run.sh": "echo hi\n", "old-name.txt": "moved\n" },
    "initial",
  );
  // The author's tree: a clone of upstream with a series on top.
  await git(scratch, ["clone", "-q", upstream, author]);
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("the applier's git", () => {
  it("mirrors the upstream branch from a local path, and sees it move", async () => {
    expect((await fetchMirror(mirror, upstream, "master")).head).toBe(base);
    const next = await commit(upstream, { NEWS: "news\n" }, "news");
    expect((await fetchMirror(mirror, upstream, "master")).head).toBe(next);
    await git(upstream, ["reset", "-q", "--hard", base]);
    expect((await fetchMirror(mirror, upstream, "master")).head).toBe(base);
    expect(await mirrorHead(mirror, "master")).toBe(base);
    await expect(fetchMirror(mirror, upstream, "no..such")).rejects.toThrow(/not a branch name/);
    await expect(fetchMirror(mirror, "--upload-pack=touch /tmp/x", "master")).rejects.toThrow(
      /not a repository URL/,
    );
  });

  it("applies a series with a rename, a mode change and a binary file, reproducing the author's trees", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0x00, 0x80]);
    await commit(author, { "new-name.txt": { renameFrom: "old-name.txt" } }, "rename a file");
    await commit(author, { "run.sh": { mode: "755" } }, "make run.sh executable");
    const last = await commit(author, { "logo.png": png }, "add a logo");
    fs.writeFileSync(mbox, await formatPatches(author, `${base}..${last}`, { base }));
    // The mirror does not have the author's commits: they come from the mail only.
    expect(await resolveCommit(mirror, last)).toBeNull();

    await prepareWorktree(mirror, worktree, base);
    const result = await gitAm(worktree, mbox, { base, timeoutMs: 60_000 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.commits).toHaveLength(3);
    // git am makes the same trees: same files, same modes, same bytes.
    expect(await treeOf(mirror, result.commits[2]!)).toBe(await treeOf(path.join(author, ".git"), last));
    expect(fs.statSync(path.join(worktree, "run.sh")).mode & 0o111).not.toBe(0);
  });

  it("reports the failing patch and the conflicting files of a 3-way conflict, and leaves a clean worktree for the next series", async () => {
    const local = await commit(author, { "src/main.c": "int main(void)\n{\n\treturn 1;\n}\n" }, "return 1");
    fs.writeFileSync(mbox, await formatPatches(author, `${local}~1..${local}`));
    // Upstream changed the same line.
    const theirs = await commit(
      upstream,
      { "src/main.c": "int main(void)\n{\n\treturn 2;\n}\n" },
      "return 2",
    );
    await fetchMirror(mirror, upstream, "master");

    await prepareWorktree(mirror, worktree, theirs);
    const result = await gitAm(worktree, mbox, { base: theirs, timeoutMs: 60_000 });
    expect(result).toMatchObject({
      ok: false,
      failedPatch: 1,
      conflicts: ["src/main.c"],
      alreadyApplied: false,
    });
    if (!result.ok) expect(result.output).toMatch(/CONFLICT \(content\): Merge conflict in src\/main.c/);

    fs.writeFileSync(path.join(worktree, "stray.txt"), "left behind\n");
    await cleanWorktree(worktree);
    await prepareWorktree(mirror, worktree, base);
    expect(fs.existsSync(path.join(worktree, "stray.txt"))).toBe(false);
    expect(fs.readFileSync(path.join(worktree, "src/main.c"), "utf8")).toContain("return 0;");
    expect(await git(worktree, ["status", "--porcelain"])).toBe("");
    // The next series applies in the same worktree.
    const again = await gitAm(worktree, mbox, { base, timeoutMs: 60_000 });
    expect(again.ok).toBe(true);
  });

  it("says when a patch is already upstream (git am skips it and would make fewer commits than patches)", async () => {
    const head = await mirrorHead(mirror, "master");
    fs.writeFileSync(mbox, await formatPatches(upstream, `${head}~1..${head}`));
    await prepareWorktree(mirror, worktree, head);
    expect(await gitAm(worktree, mbox, { base: head, timeoutMs: 60_000 })).toMatchObject({
      ok: false,
      failedPatch: 1,
      alreadyApplied: true,
    });
  });

  it("kills git am that runs past its time and says so", async () => {
    await prepareWorktree(mirror, worktree, base);
    await expect(gitAm(worktree, mbox, { base, timeoutMs: 1 })).rejects.toMatchObject({ code: "timeout" });
    await cleanWorktree(worktree);
  });

  it("leaves the worktree clean at the series' last commit after a success, and cleans it at once after a failure", async () => {
    const head = await mirrorHead(mirror, "master");
    const added = await commit(author, { "doc/added.txt": "added\n" }, "doc: add a file");
    const clean = async (at: string) => {
      expect(await git(worktree, ["status", "--porcelain", "--ignored"])).toBe("");
      expect((await git(worktree, ["rev-parse", "HEAD"])).trim()).toBe(at);
      expect(fs.existsSync(await amStateDir(worktree))).toBe(false);
    };

    fs.writeFileSync(mbox, await formatPatches(author, `${added}~1..${added}`));
    const applied = await amInWorktree(mirror, worktree, mbox, { base: head, timeoutMs: 60_000 });
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.commits).toHaveLength(1);
    await clean(applied.commits[0]!);

    // "return 1" against upstream's "return 2": a conflict. A stray file and the state of
    // a `git am` left half-done by a crash are gone before it runs.
    fs.writeFileSync(mbox, await formatPatches(author, `${added}~2..${added}~1`));
    fs.writeFileSync(path.join(worktree, "stray.txt"), "left behind\n");
    fs.mkdirSync(await amStateDir(worktree));
    const failed = await amInWorktree(mirror, worktree, mbox, { base: head, timeoutMs: 60_000 });
    expect(failed).toMatchObject({ ok: false, failedPatch: 1, conflicts: ["src/main.c"] });
    await clean(head);

    await expect(amInWorktree(mirror, worktree, mbox, { base, timeoutMs: 1 })).rejects.toMatchObject({
      code: "timeout",
    });
    // Stopped with SIGTERM, git took its lock files with it: the mirror's refs stay writable.
    expect(lockFiles(mirror)).toEqual([]);
    await clean(base);
  });

  it("makes the worktree again when its .git no longer leads to the mirror", async () => {
    fs.writeFileSync(path.join(worktree, ".git"), "gitdir: /nonexistent/worktrees/0\n");
    fs.writeFileSync(path.join(worktree, "stray.txt"), "left behind\n");
    await prepareWorktree(mirror, worktree, base);
    expect(await git(worktree, ["status", "--porcelain", "--ignored"])).toBe("");
    expect((await git(worktree, ["rev-parse", "HEAD"])).trim()).toBe(base);
    // The stale entry was pruned: the mirror knows one worktree.
    expect(fs.readdirSync(path.join(mirror, "worktrees"))).toHaveLength(1);
  });

  it("publishes a tag to a fresh publish repository, moves it, and deletes it", async () => {
    const head = await mirrorHead(mirror, "master");
    await publishSeriesTag(mirror, publish, "patchwatch/a_5fb@x", base);
    expect(await resolveCommit(publish, "refs/tags/patchwatch/a_5fb@x")).toBe(base);
    expect(await resolveCommit(mirror, "refs/tags/patchwatch/a_5fb@x")).toBe(base);
    await publishSeriesTag(mirror, publish, "patchwatch/a_5fb@x", head);
    expect(await resolveCommit(publish, "refs/tags/patchwatch/a_5fb@x")).toBe(head);
    expect(await resolveCommit(mirror, "refs/tags/patchwatch/a_5fb@x")).toBe(head);
    // It borrows the mirror's objects: publishing copied no history.
    const counted = (await runGitOk([`--git-dir=${publish}`, "count-objects", "-v"])).stdout.toString();
    expect(counted).toMatch(/^count: 0$/m);
    expect(counted).toMatch(/^size-pack: 0$/m);
    // What the web server serves is enough for a clone to fetch the tag.
    const clone = path.join(scratch, "clone");
    await initWorkRepo(clone);
    await git(clone, ["fetch", "-q", publish, "patchwatch/a_5fb@x"]);
    expect((await git(clone, ["rev-parse", "FETCH_HEAD"])).trim()).toBe(head);

    await deleteTag(mirror, publish, [], "patchwatch/a_5fb@x");
    expect(await resolveCommit(publish, "refs/tags/patchwatch/a_5fb@x")).toBeNull();
    expect(await resolveCommit(mirror, "refs/tags/patchwatch/a_5fb@x")).toBeNull();
  });

  it("refuses tag names git would refuse, before any ref is written", async () => {
    for (const bad of [
      "patchwatch/a..b",
      "patchwatch/x@{u}",
      "patchwatch/.hidden",
      "patchwatch/x.lock",
      "patchwatch/a b",
    ]) {
      expect(await checkRefFormat(`refs/tags/${bad}`)).toBe(false);
      await expect(publishSeriesTag(mirror, publish, bad, base)).rejects.toThrow(/not a valid tag name/);
    }
    expect(await checkRefFormat("refs/tags/patchwatch/ok@x")).toBe(true);
    expect(await checkRefFormat("--help")).toBe(false);
  });

  it("lists the upstream commits touching given files, as literal names", async () => {
    const head = await mirrorHead(mirror, "master");
    expect(await commitsTouching(mirror, base, head, ["src/main.c"], 20)).toEqual([head]);
    expect(await commitsTouching(mirror, base, head, ["*"], 20)).toEqual([]);
    expect(await commitsTouching(mirror, base, head, [], 20)).toEqual([]);
  });
});

/** Every `*.lock` left in a repository's refs (packed-refs.lock included). */
function lockFiles(gitDir: string): string[] {
  return fs
    .readdirSync(gitDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".lock") && (f === "packed-refs.lock" || f.startsWith("refs")));
}
