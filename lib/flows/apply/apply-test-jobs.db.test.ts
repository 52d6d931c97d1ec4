import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { gitOwners } from "../../apply/git-owner";
import { seriesTagName } from "../../apply/tag-name";
import { parseProjectsFile, type ProjectConfig } from "../../config/projects-file";
import { syncProjects } from "../../db/projects/sync-projects";
import { importFiles } from "../ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { commit, formatPatches, git, initWorkRepo } from "../../git/test-work-repo";
import { silentLog } from "../../log";
import type { ApplierContext } from "./applier-context";
import { applyProject } from "./apply-project";

// The applier queues test jobs: one per configured test for each applied series (its tag
// and commit), and for the branch head and a named base commit, on real git and real mail.
let t: TestDatabase;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-apply-tests-"));
const upstream = path.join(scratch, "upstream");
const author = path.join(scratch, "author");
let projects: ProjectConfig[];
let projectIds: Map<string, number>;
let ctx: ApplierContext;
let B0 = "";
let U1 = "";
let posted = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  await initWorkRepo(upstream);
  B0 = await commit(upstream, { "main.c": "int main(void) { return 0; }\n" }, "initial");
  U1 = await commit(upstream, { NEWS: "news\n" }, "news");
  await git(scratch, ["clone", "-q", upstream, author]);
  projects = parseProjectsFile(
    JSON.stringify({
      projects: [
        {
          name: "demo",
          lists: ["demo@lists.example.org"],
          git: { url: upstream, branch: "master", fetchMinutes: 60 },
          tests: [
            { name: "build", script: "make" },
            { name: "unit", script: "make check", capabilities: ["arch=x86_64"] },
          ],
        },
        // Borrows demo's tree, has no tests of its own: its series are applied, not tested.
        { name: "demo-docs", parent: "demo", lists: ["docs@lists.example.org"] },
      ],
    }),
    "test projects",
  ).projects;
  projectIds = await syncProjects(t.db, projects);
  ctx = { db: t.db, dataDir: path.join(scratch, "data"), log: silentLog, projects };
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function post(from: string, file: string, to: string, base?: string): Promise<string> {
  await git(author, ["fetch", "-q", "origin"]);
  await git(author, ["checkout", "-q", "--detach", from]);
  const tip = await commit(author, { [file]: `${file} ${++posted}\n` }, `add ${file}`);
  const mbox = await formatPatches(author, `${from}..${tip}`, { base, to });
  const mboxFile = path.join(scratch, `posted-${posted}.mbox`);
  fs.writeFileSync(mboxFile, mbox);
  await importFiles(t.db, [mboxFile], projects);
  return /^Message-Id: <([^>]+)>/im.exec(mbox)![1]!;
}

const round = () => applyProject(ctx, gitOwners(projects).get("demo")!, projectIds);

async function jobsOf(headMsgid: string | null) {
  const where = headMsgid === null ? { seriesId: null } : { series: { headMsgid } };
  const jobs = await t.prisma.testJob.findMany({ where, orderBy: [{ commit: "asc" }, { testName: "asc" }] });
  return jobs.map((j) => ({
    test: j.testName,
    ref: j.ref,
    commit: j.commit,
    base: j.baseCommit,
    caps: j.capabilities,
  }));
}

describe("test jobs from the applier", () => {
  let onHead = "";

  it("are queued for an applied series, per configured test, on its tag and applied commit", async () => {
    onHead = await post(U1, "a.c", "demo@lists.example.org");
    await round();
    const applied = await t.prisma.applyResult.findFirstOrThrow({ where: { series: { headMsgid: onHead } } });
    expect(applied).toMatchObject({ status: "applied", baseCommit: U1 });
    const tag = seriesTagName(onHead, 1);
    expect(await jobsOf(onHead)).toEqual([
      { test: "build", ref: tag, commit: applied.headCommit, base: U1, caps: [] },
      { test: "unit", ref: tag, commit: applied.headCommit, base: U1, caps: ["arch=x86_64"] },
    ]);
    const job = await t.prisma.testJob.findFirstOrThrow({ where: { series: { headMsgid: onHead } } });
    expect(job.applyResultId).toBe(applied.id);
  });

  it("are queued for the branch head the series was applied on", async () => {
    expect(await jobsOf(null)).toEqual([
      { test: "build", ref: "master", commit: U1, base: null, caps: [] },
      { test: "unit", ref: "master", commit: U1, base: null, caps: ["arch=x86_64"] },
    ]);
  });

  it("are queued for the older commit a series names as its base, to compare with", async () => {
    const onBase = await post(B0, "b.c", "demo@lists.example.org", B0);
    await round();
    expect((await jobsOf(onBase)).map((j) => [j.test, j.base])).toEqual([
      ["build", B0],
      ["unit", B0],
    ]);
    expect((await jobsOf(null)).map((j) => j.commit).sort()).toEqual([B0, B0, U1, U1].sort());
  });

  it("are not queued for a series whose project has no tests", async () => {
    const docs = await post(U1, "doc.txt", "docs@lists.example.org");
    await round();
    const applied = await t.prisma.applyResult.findFirstOrThrow({ where: { series: { headMsgid: docs } } });
    expect(applied.status).toBe("applied");
    expect(await jobsOf(docs)).toEqual([]);
  });

  it("follow the branch head when it moves, and a round with nothing new queues nothing", async () => {
    const before = await t.prisma.testJob.count();
    await round();
    expect(await t.prisma.testJob.count()).toBe(before);
    const U2 = await commit(upstream, { NEWS: "more news\n" }, "more news");
    await t.prisma.gitMirror.updateMany({ data: { fetchedAt: new Date(0) } }); // the fetch is due
    await round();
    expect((await jobsOf(null)).filter((j) => j.commit === U2).map((j) => j.test)).toEqual(["build", "unit"]);
  });
});
