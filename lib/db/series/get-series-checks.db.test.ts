import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadProjects } from "../../config/projects-file";
import { getSeriesEndpoint } from "../../http/endpoints/get-series";
import { jobLogRaw } from "../../http/job-log-door";
import { getJobLog, parseJobId } from "../logs/get-job-log";
import { importFiles } from "../../flows/ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { getSeriesChecks } from "./get-series-checks";
import { getSeriesPage } from "../../views/series/series-page";
import { listSeries } from "./list-series";

/*
 * Tests and checks of a real series (aio_cancel, three patches and a cover letter, from
 * the LTP list), with testers' jobs, logs and check reports written as the CI pieces
 * write them: rows in test_job, test_log and test_result.
 */

const FIXTURES = path.join(__dirname, "__fixtures__/b4-threads");
const projects = loadProjects(path.join(__dirname, "../../../projects.json")).projects;
const HEAD = "20260203125029.15413-1-mdoucha@suse.cz";
const OTHER = "20260223031903.4037526-1-weiguixiong@bytedance.com";
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));

let t: TestDatabase;
let seriesId: bigint;
let buildJob: bigint;
let unitJob: bigint;

beforeAll(async () => {
  t = await createTestDatabase();
  await importFiles(
    t.db,
    ["aio_cancel", "shmctl04"].map((n) => path.join(FIXTURES, `${n}.mbox.gz`)),
    projects,
    "ltp",
  );
  const series = await t.prisma.series.findFirstOrThrow({
    where: { headMsgid: HEAD },
    select: { id: true, projectId: true, patches: { select: { id: true, index: true } } },
  });
  seriesId = series.id;
  const patch = (i: number) => series.patches.find((p) => p.index === i)!.id;
  const other = await t.prisma.series.findFirstOrThrow({ where: { headMsgid: OTHER }, select: { id: true } });
  const tester = await t.prisma.tester.create({ data: { name: "tester-arm64", tokenHash: "x".repeat(64) } });
  const job = (testName: string, state: string, extra: object = {}) =>
    t.prisma.testJob.create({
      data: {
        projectId: series.projectId,
        seriesId,
        testName,
        state,
        commit: "c".repeat(40),
        ref: "patchwatch/aio",
        ...extra,
      },
    });
  buildJob = (
    await job("build", "failed", {
      testerId: tester.id,
      durationMs: 83_000,
      startedAt: at(1),
      finishedAt: at(3),
      log: { create: { text: "\x1b[31merror\x1b[0m: <script>\n", bytes: 22n } },
    })
  ).id;
  unitJob = (await job("unit", "running", { testerId: tester.id, startedAt: at(4) })).id;
  const result = (data: object) => t.prisma.testResult.create({ data: { seriesId, ...data } as never });
  await result({ context: "build", state: "pending", createdAt: at(1), source: "tester:tester-arm64" });
  await result({
    context: "build",
    state: "fail",
    baseState: "fail",
    jobId: buildJob,
    durationMs: 83_000,
    source: "tester:tester-arm64",
    description: "make failed",
    createdAt: at(3),
  });
  await result({
    context: "gitlab",
    state: "success",
    url: "javascript:alert(1)",
    source: "gitlab",
    createdAt: at(2),
  });
  await result({ context: "checkpatch", patchId: patch(2), state: "success", createdAt: at(1) });
  await result({
    context: "checkpatch",
    patchId: patch(2),
    state: "fail",
    url: "https://ci.example.org/checkpatch/2",
    createdAt: at(5),
  });
  await result({ context: "checkpatch", patchId: patch(1), state: "success", createdAt: at(5) });
  await t.prisma.testResult.create({
    data: { seriesId: other.id, context: "build", state: "fail", createdAt: at(6) },
  });
}, 300_000);
afterAll(async () => t?.drop());

describe("the checks of a series", () => {
  it("group every report by patch and context, the latest first, with what came before it", async () => {
    const checks = await getSeriesChecks(t.db, { id: seriesId });
    expect(
      checks.contexts.map((c) => [
        c.patch?.index ?? 0,
        c.context,
        c.latest.state,
        c.older.map((o) => o.state),
      ]),
    ).toEqual([
      [0, "build", "fail", ["pending"]],
      [0, "gitlab", "success", []],
      [1, "checkpatch", "success", []],
      [2, "checkpatch", "fail", ["success"]],
    ]);
    const [build, gitlab, , checkpatch2] = checks.contexts;
    expect(build!.latest).toMatchObject({
      state: "fail",
      baseState: "fail",
      failsOnMasterToo: true,
      jobId: buildJob,
      testName: "build",
      tester: "tester-arm64",
      durationMs: 83_000,
      description: "make failed",
      createdAt: at(3),
    });
    expect(gitlab!.latest).toMatchObject({
      failsOnMasterToo: false,
      url: "javascript:alert(1)",
      jobId: null,
    });
    expect(checkpatch2!.patch).toEqual({ index: 2, msgid: "20260203125029.15413-3-mdoucha@suse.cz" });
    expect(checkpatch2!.latest.failsOnMasterToo).toBe(false);
    expect(checks.jobs.map((j) => [j.testName, j.state, j.tester])).toEqual([
      ["unit", "running", "tester-arm64"],
      ["build", "failed", "tester-arm64"],
    ]);
  });

  it("are the same named by project and head Message-ID, and none for an unknown series", async () => {
    expect(await getSeriesChecks(t.db, { project: "ltp", headMsgid: HEAD })).toEqual(
      await getSeriesChecks(t.db, { id: seriesId }),
    );
    expect(await getSeriesChecks(t.db, { project: "ltp", headMsgid: "nope@example.org" })).toEqual({
      contexts: [],
      jobs: [],
    });
  });

  it("come with the series page", async () => {
    const page = await getSeriesPage(t.db, "ltp", HEAD);
    expect(page!.checks).toEqual(await getSeriesChecks(t.db, { id: seriesId }));
  });

  it("count in the list: failed, failing on master too, passed, pending", async () => {
    const { rows } = await listSeries(t.db, { projects: ["ltp"], now: at(10), limit: 50 });
    expect(rows.find((r) => r.headMsgid === HEAD)!.tests).toEqual({
      passed: 2,
      failed: 2,
      failedOnBase: 1,
      pending: 0,
    });
    expect(rows.find((r) => r.headMsgid === OTHER)!.tests).toEqual({
      passed: 0,
      failed: 1,
      failedOnBase: 0,
      pending: 0,
    });
  });

  it("are in the API's series detail: the latest of each, a tester's log here, no javascript: URL", async () => {
    const response = await getSeriesEndpoint.respond(
      () => t.db,
      new Request(`http://pw.test/api/v1/series/ltp/${encodeURIComponent(HEAD)}`),
      { project: "ltp", msgid: HEAD },
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(() => getSeriesEndpoint.contract.response.parse(body)).not.toThrow();
    expect(body.checks).toEqual([
      {
        context: "build",
        patch: null,
        state: "fail",
        url: `/logs/${buildJob}`,
        description: "make failed",
        source: "tester:tester-arm64",
        duration: 83_000,
        baseState: "fail",
        failsOnMasterToo: true,
        date: at(3).toISOString(),
      },
      expect.objectContaining({ context: "gitlab", state: "success", url: null }),
      expect.objectContaining({ context: "checkpatch", patch: expect.objectContaining({ index: 1 }) }),
      expect.objectContaining({
        context: "checkpatch",
        patch: { index: 2, msgid: "20260203125029.15413-3-mdoucha@suse.cz" },
        state: "fail",
        url: "https://ci.example.org/checkpatch/2",
        baseState: null,
      }),
    ]);
  });
});

describe("a test job's log", () => {
  it("comes with its job, project, tester and series", async () => {
    expect(await getJobLog(t.db, buildJob)).toMatchObject({
      id: buildJob,
      project: "ltp",
      testName: "build",
      state: "failed",
      tester: "tester-arm64",
      durationMs: 83_000,
      series: { headMsgid: HEAD, title: "Rewrite aio_cancel_2-1", version: 1 },
      log: { text: "\x1b[31merror\x1b[0m: <script>\n", bytes: 22n, truncated: false },
    });
    expect((await getJobLog(t.db, unitJob))!.log).toBeNull();
    expect(await getJobLog(t.db, 999_999n)).toBeNull();
  });

  it.each(["0", "-1", "1e3", "abc", "12 ", "9223372036854775808", "99999999999999999999"])(
    "job id %j names no job",
    (text) => expect(parseJobId(text)).toBeNull(),
  );

  it("is served raw as plain text that no browser sniffs or runs; a bad id is a 404 or 400", async () => {
    const get = (jobId: string) =>
      jobLogRaw.respond(() => t.db, new Request(`http://pw.test/logs/${jobId}/raw`), { jobId });
    const ok = await get(String(buildJob));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-security-policy")).toContain("sandbox");
    expect(await ok.text()).toBe("\x1b[31merror\x1b[0m: <script>\n");
    expect((await get(String(unitJob))).status).toBe(404);
    expect((await get("424242")).status).toBe(404);
    expect((await get("<script>")).status).toBe(400);
  });
});
