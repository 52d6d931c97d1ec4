import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { gitOwners } from "../../apply/git-owner";
import { applyPaths } from "../../apply/paths";
import { seriesTagName } from "../../apply/tag-name";
import { loadConfig } from "../../config/environment";
import { parseProjectsFile, type ProjectConfig } from "../../config/projects-file";
import { storeRawMessages } from "../../db/ingest/store-raw";
import { syncProjects } from "../../db/projects/sync-projects";
import { getSeriesPage } from "../../views/series/series-page";
import { getStatus } from "../../db/status/get-status";
import { getSeriesEndpoint } from "../../http/endpoints/get-series";
import { importFiles } from "../ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { resolveCommit } from "../../git/resolve-commit";
import { runGitOk } from "../../git/run";
import { commit, formatPatches, git, initWorkRepo, type FileChange } from "../../git/test-work-repo";
import { silentLog } from "../../log";
import type { ApplierContext } from "./applier-context";
import { applyProject } from "./apply-project";
import { startWorkers, WORKER_NAMES } from "../../../workers";
import { waitFor } from "../../../workers/test-support/live-ingest";

// The applier end to end on real repositories and real mail: series are made with
// `git format-patch --base`, imported as mail (so series assembly runs), applied, and
// the results, tags and needs-rebase states checked against git.
let t: TestDatabase;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-apply-"));
const upstream = path.join(scratch, "upstream");
const author = path.join(scratch, "author");
const dataDir = path.join(scratch, "data");
const LIST = "demo@lists.example.org";
let projects: ProjectConfig[];
let projectIds: Map<string, number>;
let ctx: ApplierContext;
let B0 = "";
let U1 = "";
let posted = 0;

const paths = () => applyPaths(dataDir, "demo");

beforeAll(async () => {
  t = await createTestDatabase();
  await initWorkRepo(upstream);
  B0 = await commit(
    upstream,
    {
      README: "demo\n",
      "src/main.c": "int main(void)\n{\n\treturn 0;\n}\n",
      "src/util.c": "int util(void)\n{\n\treturn 1;\n}\n",
      "run.sh": "echo hi\n",
      "doc/old.txt": "documentation\n",
    },
    "initial",
  );
  U1 = await commit(upstream, { NEWS: "first news\n" }, "news");
  await git(scratch, ["clone", "-q", upstream, author]);
  projects = parseProjectsFile(
    JSON.stringify({
      projects: [
        { name: "demo", lists: [LIST], git: { url: upstream, branch: "master", fetchMinutes: 60 } },
        { name: "demo-sub", parent: "demo", lists: ["sub@lists.example.org"] },
        {
          name: "broken",
          lists: ["broken@lists.example.org"],
          git: { url: path.join(scratch, "nowhere.git") },
        },
      ],
    }),
    "test projects",
  ).projects;
  projectIds = await syncProjects(t.db, projects);
  ctx = { db: t.db, dataDir, log: silentLog, now: () => new Date() };
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

interface Posted {
  headMsgid: string;
  tip: string;
  mbox: string;
}

/**
 * Commits a series in the author's tree on `from`, formats it as mail (with a cover
 * letter titled `title` when given), lets `edit` change the mail text, and imports it.
 */
async function post(options: {
  from: string;
  commits: { changes: Record<string, FileChange>; message: string }[];
  base?: boolean;
  cover?: { title: string; body: string };
  edit?: (mbox: string) => string;
  importNow?: boolean;
  to?: string;
}): Promise<Posted> {
  await git(author, ["fetch", "-q", "origin"]);
  await git(author, ["checkout", "-q", "--detach", options.from]);
  let tip = options.from;
  for (const c of options.commits) tip = await commit(author, c.changes, c.message);
  let mbox = await formatPatches(author, `${options.from}..${tip}`, {
    base: options.base ? options.from : undefined,
    cover: Boolean(options.cover),
    to: options.to ?? LIST,
  });
  if (options.cover) mbox = titled(mbox, options.cover.title, options.cover.body);
  if (options.edit) mbox = options.edit(mbox);
  const headMsgid = /^Message-Id: <([^>]+)>/im.exec(mbox)![1]!;
  if (options.importNow !== false) await importMbox(mbox);
  return { headMsgid, tip, mbox };
}

/**
 * Fills in format-patch's cover letter. Its Message-ID is `cover.<seconds>.git.<email>`:
 * two series formatted within a second would share it, so each gets a number.
 */
let covers = 0;
function titled(mbox: string, title: string, body: string): string {
  const n = ++covers;
  return mbox
    .replace("*** SUBJECT HERE ***", title)
    .replace("*** BLURB HERE ***", body)
    .replace(/\bcover\.(\d+)\.git\./g, `cover.$1-${n}.git.`);
}

async function importMbox(mbox: string): Promise<void> {
  const file = path.join(scratch, `posted-${++posted}.mbox`);
  fs.writeFileSync(file, mbox);
  await importFiles(t.db, [file], projects);
}

async function round() {
  return applyProject(ctx, gitOwners(projects).get("demo")!, projectIds);
}

async function latest(headMsgid: string) {
  const s = await t.prisma.series.findFirstOrThrow({ where: { headMsgid } });
  return t.prisma.applyResult.findFirst({
    where: { seriesId: s.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

async function treeOf(dir: string, rev: string): Promise<string> {
  return (await runGitOk(["rev-parse", `${rev}^{tree}`], { cwd: dir })).stdout.toString().trim();
}

const published = (tag: string) => resolveCommit(paths().publish, `refs/tags/${tag}`);

describe("the applier", () => {
  let withBase: Posted;
  let onHead: Posted;
  let hostile: Posted;

  it("applies a series on the base-commit its cover letter names, tags it, and a clone fetches the tag", async () => {
    withBase = await post({
      from: B0,
      base: true,
      cover: { title: "util: two changes", body: "Two small changes to util." },
      commits: [
        { changes: { "src/util.c": "int util(void)\n{\n\treturn 2;\n}\n" }, message: "util: return 2" },
        { changes: { "src/extra.c": "int extra;\n" }, message: "util: add extra" },
      ],
    });
    const summary = await round();
    expect(summary).toMatchObject({ head: U1, fetched: true });

    const r = await latest(withBase.headMsgid);
    expect(r).toMatchObject({ status: "applied", baseKind: "base-commit", baseCommit: B0, checkedHead: U1 });
    expect(r!.baseReason).toMatch(/^base-commit: [0-9a-f]{12} named by the series/);
    expect(r!.commits).toHaveLength(2);
    expect(r!.headCommit).toBe(r!.commits[1]);
    expect(await treeOf(paths().mirror, r!.headCommit!)).toBe(await treeOf(author, withBase.tip));
    expect(r!.tag).toBe(seriesTagName(withBase.headMsgid, 1));
    expect(await published(r!.tag!)).toBe(r!.headCommit);

    const clone = path.join(scratch, "maintainer");
    await git(scratch, ["clone", "-q", upstream, clone]);
    await git(clone, ["fetch", "-q", paths().publish, r!.tag!]);
    expect((await git(clone, ["rev-parse", "FETCH_HEAD"])).trim()).toBe(r!.headCommit);
    // Author, date and message come from the mail; the committer is the applier.
    const logLine = await git(clone, ["log", "-1", "--format=%an <%ae>|%s|%cn", "FETCH_HEAD"]);
    expect(logLine.trim()).toBe("Ada Author <ada@example.org>|util: add extra|Patchwatch");
  });

  it("applies a series that names no base on the branch head, and shows it on the series page", async () => {
    onHead = await post({
      from: U1,
      commits: [
        { changes: { "src/main.c": "int main(void)\n{\n\treturn 3;\n}\n" }, message: "main: return 3" },
      ],
    });
    await round();
    const r = await latest(onHead.headMsgid);
    expect(r).toMatchObject({ status: "applied", baseKind: "branch-head", baseCommit: U1 });
    expect(r!.baseReason).toBe(`no base named; applied on the head of master (${U1.slice(0, 12)})`);
    const page = await getSeriesPage(t.db, "demo", onHead.headMsgid);
    expect(page!.apply).toMatchObject({
      status: "applied",
      baseCommit: U1,
      commits: r!.commits,
      tag: r!.tag,
    });

    const response = await getSeriesEndpoint.respond(
      () => t.db,
      new Request("http://patchwatch.test/api/v1/series/demo/x"),
      { project: "demo", msgid: onHead.headMsgid },
    );
    const body = await response.json();
    expect(() => getSeriesEndpoint.contract.response.parse(body)).not.toThrow();
    expect(body.apply).toEqual({
      status: "applied",
      baseKind: "branch-head",
      baseCommit: U1,
      baseReason: r!.baseReason,
      commits: r!.commits,
      tag: r!.tag,
      fetchUrl: "/git/demo",
      failedPatch: null,
      conflicts: [],
      conflictRange: null,
      conflictCommits: [],
      log: null,
      date: r!.createdAt.toISOString(),
    });
  });

  it("records a conflict: the failing patch, the conflicting file and git's message", async () => {
    // Written against the initial tree; upstream's NEWS differs by then.
    const conflicting = await post({
      from: B0,
      commits: [
        { changes: { "doc/new.txt": "new doc\n" }, message: "doc: add new" },
        { changes: { NEWS: "my news\n" }, message: "news: mine" },
      ],
    });
    await round();
    const r = await latest(conflicting.headMsgid);
    expect(r).toMatchObject({
      status: "failed",
      baseKind: "branch-head",
      failedPatch: 2,
      tag: null,
      commits: [],
    });
    expect(r!.conflicts).toEqual(["NEWS"]);
    expect(r!.log).toMatch(/Patch failed at 0002 news: mine/);
    expect(fs.readdirSync(paths().worktrees).sort()).toEqual(["0"]);
    expect(await git(paths().worktree, ["status", "--porcelain"])).toBe("");
  });

  it("applies a rename, a mode change and a binary file exactly", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 0xfe, 0xff]);
    const mixed = await post({
      from: U1,
      base: true,
      commits: [
        { changes: { "doc/renamed.txt": { renameFrom: "doc/old.txt" } }, message: "doc: rename" },
        { changes: { "run.sh": { mode: "755" } }, message: "run.sh: executable" },
        { changes: { "logo.png": png }, message: "add a logo" },
      ],
    });
    await round();
    const r = await latest(mixed.headMsgid);
    expect(r).toMatchObject({ status: "applied", baseKind: "base-commit", baseCommit: U1 });
    expect(await treeOf(paths().mirror, r!.headCommit!)).toBe(await treeOf(author, mixed.tip));
  });

  it("publishes a series with a hostile Message-ID under an escaped tag, and nothing runs", async () => {
    const pwned = path.join(scratch, "pwned");
    const evil = `$(touch${"${IFS}"}${pwned})..;|&@{u}~^:?*[\\.lock`;
    hostile = await post({
      from: U1,
      cover: { title: "evil: a hostile id", body: "Look at my Message-ID." },
      commits: [{ changes: { "src/evil.c": "int evil;\n" }, message: "evil: add" }],
      edit: (mbox) => {
        const id = /^Message-Id: <([^>]+)>/im.exec(mbox)![1]!;
        return mbox.split(id).join(evil);
      },
    });
    expect(hostile.headMsgid).toBe(evil);
    await round();
    const r = await latest(evil);
    expect(r).toMatchObject({ status: "applied", tag: seriesTagName(evil, 1) });
    expect(r!.tag).toMatch(/^patchwatch\/[A-Za-z0-9._+=@-]+$/);
    expect(await published(r!.tag!)).toBe(r!.headCommit);
    expect(fs.existsSync(pwned)).toBe(false);
  });

  it("refuses a patch whose paths leave the tree before git sees it", async () => {
    const escaping = await post({
      from: U1,
      commits: [{ changes: { "escape.txt": "outside\n" }, message: "escape the tree" }],
      edit: (mbox) =>
        mbox.replaceAll("a/escape.txt", "a/../escape.txt").replaceAll("b/escape.txt", "b/../escape.txt"),
    });
    await round();
    const r = await latest(escaping.headMsgid);
    expect(r).toMatchObject({ status: "failed", failedPatch: 1, commits: [] });
    expect(r!.log).toBe(
      'patch 1: touches "a/../escape.txt": a path that leaves the tree (a `..` or `.` component), refused before applying',
    );
    expect(fs.existsSync(path.join(paths().worktrees, "escape.txt"))).toBe(false);
  });

  it("applies a series on top of the series its Based-on: names, once that one arrives", async () => {
    // The author's tree: A adds a file, B (posted first) changes it on top of A.
    await git(author, ["checkout", "-q", "--detach", U1]);
    const aTip = await commit(author, { "lib/a.txt": "a\n" }, "lib: add a");
    const seriesA = titled(
      await formatPatches(author, `${U1}..${aTip}`, { base: U1, cover: true, to: LIST }),
      "lib: add a",
      "The base.",
    );
    const aMsgid = /^Message-Id: <([^>]+)>/im.exec(seriesA)![1]!;
    const b = await post({
      from: aTip,
      base: true,
      cover: { title: "lib: change a", body: `On top of the other series.\n\nBased-on: <${aMsgid}>` },
      commits: [{ changes: { "lib/a.txt": "a changed\n" }, message: "lib: change a" }],
    });
    await round();
    // B's base is unknown for now, and its base-commit is only in the author's tree.
    let rb = await latest(b.headMsgid);
    expect(rb).toMatchObject({
      status: "failed",
      baseKind: "branch-head",
      baseNamed: `based-on:${aMsgid} base-commit:${aTip}`,
    });
    expect(rb!.baseReason).toMatch(
      /names no series known here; base-commit: [0-9a-f]+ is not in the upstream repository/,
    );

    await importMbox(seriesA);
    await round();
    const ra = await latest(aMsgid);
    expect(ra).toMatchObject({ status: "applied", baseKind: "base-commit", baseCommit: U1 });
    rb = await latest(b.headMsgid);
    expect(rb).toMatchObject({ status: "applied", baseKind: "based-on", baseCommit: ra!.headCommit });
    expect(rb!.baseReason).toMatch(
      new RegExp(`^Based-on: <${aMsgid.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}>: on top of`),
    );
    expect(await treeOf(paths().mirror, rb!.headCommit!)).toBe(await treeOf(author, b.tip));
  });

  it("applies a series when its late patch arrives, and a new revision gets its own tag", async () => {
    const late = await post({
      from: U1,
      commits: [
        { changes: { "late/1.txt": "1\n" }, message: "late: one" },
        { changes: { "late/2.txt": "2\n" }, message: "late: two" },
      ],
      importNow: false,
    });
    const [first, second] = late.mbox.split(/^(?=From [0-9a-f]{40} )/m);
    await importMbox(first!);
    await round();
    const s = await t.prisma.series.findFirstOrThrow({ where: { headMsgid: late.headMsgid } });
    expect(s.complete).toBe(false);
    expect(await latest(late.headMsgid)).toBeNull();
    await importMbox(second!);
    await round();
    expect(await latest(late.headMsgid)).toMatchObject({
      status: "applied",
      commits: [expect.any(String), expect.any(String)],
    });

    const v2 = await post({
      from: U1,
      commits: [
        { changes: { "late/1.txt": "1 (v2)\n" }, message: "late: one" },
        { changes: { "late/2.txt": "2 (v2)\n" }, message: "late: two" },
      ],
      edit: (mbox) =>
        mbox.replaceAll("[PATCH 1/2]", "[PATCH v2 1/2]").replaceAll("[PATCH 2/2]", "[PATCH v2 2/2]"),
    });
    await round();
    const r2 = await latest(v2.headMsgid);
    expect(r2).toMatchObject({ status: "applied", tag: seriesTagName(v2.headMsgid, 2) });
    expect(r2!.tag).toMatch(/_v2$/);
    expect(await published(seriesTagName(late.headMsgid, 1))).not.toBeNull();
  });

  it("refuses a series of 500 patches and a patch over the size limit, before reading them", async () => {
    // 500 commits in one go (git fast-import), then real format-patch mail.
    const stream = Array.from({ length: 500 }, (_, i) => {
      const message = `big: part ${String(i).padStart(3, "0")}\n`;
      return (
        `commit refs/heads/big\ncommitter Ada Author <ada@example.org> 1750000000 +0000\n` +
        `data ${message.length}\n${message}${i === 0 ? `from ${U1}\n` : ""}M 100644 inline big/${i}.txt\ndata 2\n${i % 10}\n\n`
      );
    }).join("");
    await runGitOk(["fast-import", "--quiet"], { cwd: author, input: stream });
    const big = await formatPatches(author, `${U1}..big`, { to: LIST });
    await importMbox(big);
    const bigHead = /^Message-Id: <([^>]+)>/im.exec(big)![1]!;
    const huge = await post({
      from: U1,
      commits: [{ changes: { "blob.txt": "x".repeat(100) + "\n".repeat(2000) }, message: "a big text file" }],
    });
    const limited: ApplierContext = {
      ...ctx,
      limits: { maxPatches: 400, maxPatchBytes: 2048, maxSeriesBytes: 1 << 30 },
    };
    await applyProject(limited, gitOwners(projects).get("demo")!, projectIds);
    expect((await latest(bigHead))?.log).toBe("the series has 500 patches; the applier takes at most 400");
    expect((await latest(huge.headMsgid))?.log).toMatch(
      /^a patch mail is \d+ KiB; the applier takes patches up to 2 KiB$/,
    );
  });

  it("marks a series needs-rebase when the moved branch head conflicts, and moves the others", async () => {
    const U2 = await commit(
      upstream,
      { "src/main.c": "int main(void)\n{\n\treturn 4;\n}\n" },
      "main: return 4",
    );
    const before = await latest(onHead.headMsgid);
    const hostileBefore = await latest(hostile.headMsgid);
    ctx.now = () => new Date(Date.now() + 2 * 60 * 60_000); // past fetchMinutes: the round fetches
    await round();

    const r = await latest(onHead.headMsgid);
    expect(r).toMatchObject({
      status: "needs-rebase",
      baseCommit: U1,
      commits: before!.commits,
      tag: before!.tag,
      checkedHead: U2,
      failedPatch: 1,
      conflicts: ["src/main.c"],
      conflictRange: `${U1}..${U2}`,
      conflictCommits: [U2],
    });
    expect(r!.createdAt.getTime()).toBeGreaterThan(before!.createdAt.getTime());
    // The earlier commits stay fetchable on their base.
    expect(await published(before!.tag!)).toBe(before!.headCommit);

    const moved = await latest(hostile.headMsgid);
    expect(moved).toMatchObject({
      status: "applied",
      baseKind: "branch-head",
      baseCommit: U2,
      checkedHead: U2,
    });
    expect(moved!.headCommit).not.toBe(hostileBefore!.headCommit);
    expect(await published(moved!.tag!)).toBe(moved!.headCommit);

    // On its own base-commit: still applied there, checked against the new head.
    expect(await latest(withBase.headMsgid)).toMatchObject({
      status: "applied",
      baseCommit: B0,
      checkedHead: U2,
    });

    // Nothing is left to do until something changes.
    expect((await round()).tried).toBe(0);
  });

  it("reports the applier in `patchwatch status`", async () => {
    const report = await getStatus(t.db, [], new Date());
    const demo = report.applier.find((a) => a.project === "demo")!;
    expect(demo).toMatchObject({ url: upstream, branch: "master", lastError: null });
    expect(demo.head).toMatch(/^[0-9a-f]{40}$/);
    expect(demo.series.applied).toBeGreaterThan(3);
    expect(demo.series.failed).toBeGreaterThan(2);
    expect(demo.series["needs-rebase"]).toBe(1);
    expect(report.queues.map((q) => q.name)).toContain("apply");
  });

  it("records a fetch that fails and applies nothing, without failing the job", async () => {
    const summary = await applyProject(ctx, gitOwners(projects).get("broken")!, projectIds);
    expect(summary).toMatchObject({ head: null, fetched: true, tried: 0 });
    const report = await getStatus(t.db, [], new Date());
    const broken = report.applier.find((a) => a.project === "broken")!;
    expect(broken).toMatchObject({ head: null, fetchedAt: null });
    expect(broken.lastError).toMatch(/git fetch exited with 128/);
  });

  it("runs as a worker: new mail of a subproject is processed, then applied to its parent's tree, through the job queue", async () => {
    expect(WORKER_NAMES).toContain("apply");
    const fresh = await post({
      from: await git(upstream, ["rev-parse", "HEAD"]).then((s) => s.trim()),
      commits: [{ changes: { "queue.txt": "via the queue\n" }, message: "queue: add" }],
      importNow: false,
      to: "sub@lists.example.org",
    });
    await storeRawMessages(t.db, [
      { raw: Buffer.from(fresh.mbox.replace(/^From [^\n]*\n/, "")), source: "test" },
    ]);
    const workers = await startWorkers(
      ["process", "apply"],
      { db: t.db, databaseUrl: t.url, projects, log: silentLog, config: { ...loadConfig(), dataDir } },
      { pollingIntervalSeconds: 0.5 },
    );
    try {
      await workers.queue.request("process", { reason: "test" });
      const r = await waitFor(
        "the new series to be applied",
        async () => {
          const s = await t.prisma.series.findFirst({ where: { headMsgid: fresh.headMsgid } });
          return s && (await latest(fresh.headMsgid))?.status === "applied";
        },
        60_000,
      );
      expect(r).toBe(true);
      const applied = await latest(fresh.headMsgid);
      expect(applied).toMatchObject({ publishProject: "demo", baseKind: "branch-head" });
      expect(await published(applied!.tag!)).toBe(applied!.headCommit);
      const series = await t.prisma.series.findFirstOrThrow({
        where: { headMsgid: fresh.headMsgid },
        select: { project: { select: { name: true } } },
      });
      expect(series.project.name).toBe("demo-sub");
    } finally {
      await workers.stop();
    }
  });
});
