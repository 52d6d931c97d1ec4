import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildSampleUpstream } from "../../../e2e/support/sample-upstream";
import { gitOwners } from "../../apply/git-owner";
import { applyPaths } from "../../apply/paths";
import { parseProjectsFile, type ProjectConfig } from "../../config/projects-file";
import { syncProjects } from "../../db/projects/sync-projects";
import { listSeries } from "../../db/series/list-series";
import { fixtures, importFiles } from "../ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { fetchMirror } from "../../git/mirror";
import { runGitOk } from "../../git/run";
import { extractMessageIds } from "../../mail/message-id";
import { openMessageSource } from "../../mbox/open-source";
import { readRawHeader } from "../../mbox/raw-header";
import { silentLog } from "../../log";
import { watchUpstreamRound, type WatchContext } from "./detect-merged";

// Merged detection end to end: the real LTP slice is imported, and an upstream tree is
// built from real series of it (their preimages, then the patches applied with `git am`,
// some edited the way maintainers edit); the watcher reads the applier's mirror of it.
let t: TestDatabase;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-merged-"));
const upstream = path.join(scratch, "upstream.git");
const work = path.join(scratch, "work");
const dataDir = path.join(scratch, "data");
let projects: ProjectConfig[];
let projectIds: Map<string, number>;
let ctx: WatchContext;

// Three patches, merged: one as posted, one reworded with a Link: and touched up, one
// with its diff changed under the same subject.
const AIO = "20260203125029.15413-1-mdoucha@suse.cz";
const AIO_PATCHES = [2, 3, 4].map((i) => `20260203125029.15413-${i}-mdoucha@suse.cz`);
// Two patches, squashed into one commit.
const FSPICK = "20250822063331.28886-1-wegao@suse.com";
const FSPICK_PATCHES = [2, 3].map((i) => `20250822063331.28886-${i}-wegao@suse.com`);

const COMMITTER = { GIT_COMMITTER_NAME: "LTP maintainer", GIT_COMMITTER_EMAIL: "maint@patchwatch.invalid" };
let clock = Date.parse("2026-04-01T00:00:00Z");
async function inWork(args: string[], input?: string): Promise<string> {
  clock += 3_600_000;
  const env = { ...COMMITTER, GIT_COMMITTER_DATE: `@${clock / 1000} +0000` };
  const { stdout } = await runGitOk(args, { cwd: work, env, input });
  return stdout.toString().trim();
}

const mails = new Map<string, string>();
async function readMails(wanted: string[]): Promise<void> {
  for await (const { raw } of openMessageSource(fixtures.ltp)) {
    const field = readRawHeader(raw).fields.find((f) => f.name === "message-id");
    const msgid = field ? extractMessageIds(field.value)[0] : undefined;
    if (msgid && wanted.includes(msgid)) mails.set(msgid, raw.toString("utf8"));
  }
}

/** Appends a line to the first file the last commit changed, and amends it (a maintainer's touch-up). */
async function touchUp(message?: string): Promise<void> {
  const file = (await inWork(["diff-tree", "--no-commit-id", "--name-only", "-r", "HEAD"])).split("\n")[0]!;
  fs.appendFileSync(path.join(work, file), "/* touched up when applied */\n");
  await inWork(["add", "--", file]);
  await inWork(["commit", "-q", "--amend", ...(message ? ["-m", message] : ["--no-edit"])]);
}

async function publish(): Promise<string> {
  await inWork(["push", "-q", upstream, "HEAD:refs/heads/master"]);
  return (await fetchMirror(applyPaths(dataDir, "ltp").mirror, upstream, "master")).head;
}

async function round() {
  return watchUpstreamRound(ctx, gitOwners(projects).get("ltp")!, projectIds);
}

async function seriesState(head: string) {
  const s = await t.prisma.series.findFirstOrThrow({
    where: { headMsgid: head },
    select: {
      mergedAt: true,
      mergedCommits: true,
      mergeNote: true,
      patches: {
        orderBy: { index: "asc" },
        select: { index: true, mergedCommit: true, mergedHow: true, mergedAt: true },
      },
    },
  });
  return s;
}

async function openList(): Promise<string[]> {
  const page = await listSeries(t.db, {
    projects: ["ltp"],
    query: "-is:obsolete -is:merged",
    limit: 500,
    now: new Date("2026-05-01T00:00:00Z"),
  });
  return page.rows.map((r) => r.headMsgid);
}

beforeAll(async () => {
  t = await createTestDatabase();
  projects = parseProjectsFile(
    JSON.stringify({
      projects: [
        {
          name: "ltp",
          lists: ["ltp@lists.linux.it"],
          listIds: ["ltp.lists.linux.it"],
          git: { url: upstream, branch: "master" },
        },
      ],
    }),
    "test",
  ).projects;
  await importFiles(t.db, [fixtures.ltp], projects, "ltp");
  projectIds = await syncProjects(t.db, projects);
  ctx = { db: t.db, dataDir, log: silentLog };
  await readMails([...AIO_PATCHES, ...FSPICK_PATCHES]);
  await buildSampleUpstream(fixtures.ltp, upstream);
  await runGitOk(["clone", "-q", upstream, work]);
}, 180_000);

afterAll(async () => {
  await t?.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("watch-upstream", () => {
  let aioCommits: string[] = [];

  it("matches by patch-id, by a Link: trailer and by subject + author, and the series leaves the open list", async () => {
    expect(await openList()).toContain(AIO);
    await inWork(["am", "-q"], mails.get(AIO_PATCHES[0]!));
    await inWork(["am", "-q"], mails.get(AIO_PATCHES[1]!));
    await touchUp(
      "openposix/aio_cancel: Set the tests up with the shared helpers\n\n" +
        "Link: https://lore.kernel.org/ltp/20260203125029.15413-3-mdoucha@suse.cz/\n" +
        "Signed-off-by: LTP maintainer <maint@patchwatch.invalid>\n",
    );
    await inWork(["am", "-q"], mails.get(AIO_PATCHES[2]!));
    await touchUp();
    aioCommits = (await inWork(["rev-list", "--reverse", "HEAD~3..HEAD"])).split("\n");
    const head = await publish();

    const summary = await round();
    expect(summary.head).toBe(head);
    expect(summary.indexed).toBeGreaterThanOrEqual(3);

    const aio = await seriesState(AIO);
    expect(aio.patches.map((p) => [p.mergedCommit, p.mergedHow])).toEqual([
      [aioCommits[0], "patch-id"],
      [aioCommits[1], "message-id"],
      [aioCommits[2], "subject"],
    ]);
    expect(aio.mergedCommits).toEqual(aioCommits);
    expect(aio.mergeNote).toBeNull();
    const committed = await inWork(["log", "-1", "--format=%cI", aioCommits[2]!]);
    expect(aio.mergedAt?.toISOString()).toBe(new Date(committed).toISOString());

    const fspick = await seriesState(FSPICK);
    expect(fspick.mergedAt).toBeNull();
    expect(fspick.patches.every((p) => p.mergedCommit === null)).toBe(true);

    const open = await openList();
    expect(open).not.toContain(AIO);
    expect(open).toContain(FSPICK);
    const merged = await listSeries(t.db, {
      projects: ["ltp"],
      query: "is:merged",
      limit: 500,
      now: new Date(),
    });
    expect(merged.rows.find((r) => r.headMsgid === AIO)?.mergedAt).toEqual(aio.mergedAt);
  }, 120_000);

  it("reads only the new commits, and marks a squashed series merged with a note on what was not found", async () => {
    const before = await t.prisma.upstreamCommit.count();
    await inWork(["am", "-q"], mails.get(FSPICK_PATCHES[0]!));
    const first = await inWork(["rev-parse", "HEAD"]);
    await inWork(["am", "-q"], mails.get(FSPICK_PATCHES[1]!));
    // The maintainer squashes the two into one commit, keeping the first one's message and author.
    await inWork(["reset", "-q", "--soft", "HEAD~2"]);
    await inWork(["commit", "-q", "-C", first]);
    const squashed = await inWork(["rev-parse", "HEAD"]);
    await publish();

    const summary = await round();
    expect(summary.indexed).toBe(1);
    expect(await t.prisma.upstreamCommit.count()).toBe(before + 1);

    const fspick = await seriesState(FSPICK);
    expect(fspick.patches.map((p) => [p.mergedCommit, p.mergedHow])).toEqual([
      [squashed, "subject"],
      [null, null],
    ]);
    expect(fspick.mergedCommits).toEqual([squashed]);
    expect(fspick.mergeNote).toContain("1 of 2 patches not found upstream");
    expect(fspick.mergeNote).toContain('2/2 "fspick01.c: Check mount point was really remounted read only"');
    expect(await openList()).not.toContain(FSPICK);
  }, 120_000);

  it("changes nothing when run again with nothing new", async () => {
    const snapshot = async () => ({
      aio: await seriesState(AIO),
      fspick: await seriesState(FSPICK),
      commits: await t.prisma.upstreamCommit.count(),
      merged: await t.prisma.patch.count({ where: { mergedCommit: { not: null } } }),
    });
    const before = await snapshot();
    const summary = await round();
    expect(summary.indexed).toBe(0);
    expect(summary.seriesMerged).toBe(0);
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it("matches a series rebuilt after its patches were matched again, against the commits already indexed", async () => {
    // Series assembly rewrites a series' patch rows when new mail arrives in its thread.
    const series = await t.prisma.series.findFirstOrThrow({
      where: { headMsgid: AIO },
      select: { id: true },
    });
    await t.prisma.patch.updateMany({
      where: { seriesId: series.id },
      data: { mergedCommit: null, mergedAt: null, mergedHow: null },
    });
    await t.prisma.$executeRawUnsafe(
      `UPDATE series SET updated_at = now() + interval '1 second' WHERE id = $1`,
      series.id,
    );
    const summary = await round();
    expect(summary.indexed).toBe(0);
    const aio = await seriesState(AIO);
    expect(aio.patches.map((p) => p.mergedCommit)).toEqual(aioCommits);
  }, 60_000);
});
