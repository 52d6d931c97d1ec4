import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { cutMarker } from "../ci/log-cap";
import { parseProjectsFile, type ProjectConfig } from "../config/projects-file";
import type { Door, RawParams } from "./api-endpoint";
import { createTesterApi, type TesterApi } from "./tester-api";
import { syncProjects } from "../db/projects/sync-projects";
import { getSeriesChecks } from "../db/series/get-series-checks";
import { createTestDatabase, type TestDatabase } from "../db/test-support/test-database";
import { enqueueSeriesTests } from "../flows/test/enqueue-series-tests";
import { enqueueHeadTests } from "../db/ci/enqueue-test-jobs";
import { fakeCommit, seedAppliedSeries } from "../db/ci/test-support";
import { createTester, revokeTester } from "../db/ci/testers";

// The tester API through its doors, as the App Router calls them, on a real database:
// tokens, claims under concurrency, leases that run out, logs, results and base states.
let t: TestDatabase;
let projects: ProjectConfig[];
let ids: Map<string, number>;
let clock = new Date("2026-03-01T12:00:00Z");
let api: TesterApi;
const ORIGIN = "http://pw.test";
const LOG_LIMITS = { headBytes: 64 * 1024, tailBytes: 64 * 1024 };

beforeAll(async () => {
  t = await createTestDatabase();
  projects = parseProjectsFile(
    JSON.stringify({
      projects: [
        {
          name: "demo",
          lists: ["demo@lists.example.org"],
          git: { url: "https://git.example.org/demo.git", branch: "main" },
          tests: [
            { name: "build", script: "make -j4", timeoutSeconds: 600 },
            { name: "arm", script: "make ARCH=arm64", capabilities: ["arch=aarch64"] },
          ],
        },
        {
          name: "other",
          lists: ["other@lists.example.org"],
          tests: [{ name: "lint", script: "true" }],
        },
      ],
    }),
    "test projects",
  ).projects;
  ids = await syncProjects(t.db, projects);
  api = createTesterApi({ projects: () => projects, now: () => clock, logLimits: LOG_LIMITS });
});
afterAll(async () => t?.drop());

beforeEach(async () => {
  await t.prisma.testResult.deleteMany();
  await t.prisma.testJob.deleteMany();
  await t.prisma.applyResult.deleteMany();
  await t.prisma.series.deleteMany();
  await t.prisma.tester.deleteMany();
});

const demoTests = () => projects[0]!.tests;
let testers = 0;

async function tester(options: { projects?: string[] } = {}) {
  return createTester(t.db, { name: `tester-${++testers}`, projects: options.projects ?? [] });
}

function call(door: Door, path: string, init: { token?: string; body?: BodyInit; params?: RawParams } = {}) {
  const headers = new Headers();
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  if (typeof init.body === "string") headers.set("content-type", "application/json");
  return door.respond(
    () => t.db,
    new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: init.body ?? null }),
    init.params ?? {},
  );
}

const claim = (token: string, offer: object = { capabilities: [] }) =>
  call(api.claim, "/api/v1/tester/claim", { token, body: JSON.stringify(offer) });
const heartbeat = (token: string, id: string) =>
  call(api.heartbeat, `/api/v1/tester/jobs/${id}/heartbeat`, { token, params: { id } });
const log = (token: string, id: string, body: BodyInit) =>
  call(api.log, `/api/v1/tester/jobs/${id}/log`, { token, params: { id }, body });
const result = (token: string, id: string, verdict: object) =>
  call(api.result, `/api/v1/tester/jobs/${id}/result`, {
    token,
    params: { id },
    body: JSON.stringify(verdict),
  });

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body.error.message;
}

async function claimed(response: Response) {
  expect(response.status).toBe(200);
  const body = (await response.json()) as { job: Record<string, unknown> & { id: string } };
  expect(() => api.claim && body.job.id).not.toThrow();
  return body.job;
}

let seeded = 0;
async function appliedSeries(baseCommit = fakeCommit("base")) {
  const n = ++seeded;
  const s = await seedAppliedSeries(t.db, {
    projectId: ids.get("demo")!,
    headMsgid: `series-${n}@example.org`,
    headCommit: fakeCommit(`head${n}`),
    baseCommit,
    title: `series ${n}`,
  });
  await enqueueSeriesTests(t.db, { applyResultId: s.applyResultId, tests: demoTests() });
  return s;
}

describe("test jobs", () => {
  it("are queued for each configured test when a series is applied, once however often asked", async () => {
    const s = await appliedSeries();
    expect(await enqueueSeriesTests(t.db, { applyResultId: s.applyResultId, tests: demoTests() })).toBe(0);
    const jobs = await t.prisma.testJob.findMany({
      where: { seriesId: s.seriesId },
      orderBy: { testName: "asc" },
    });
    expect(jobs.map((j) => [j.testName, j.state, j.ref, j.commit, j.baseCommit, j.capabilities])).toEqual([
      [
        "arm",
        "queued",
        "patchwatch/series-1@example.org/v1",
        fakeCommit("head1"),
        fakeCommit("base"),
        ["arch=aarch64"],
      ],
      ["build", "queued", "patchwatch/series-1@example.org/v1", fakeCommit("head1"), fakeCommit("base"), []],
    ]);
  });

  it("are not queued for a series that did not apply", async () => {
    const s = await appliedSeries();
    const failed = await t.prisma.applyResult.create({
      data: { seriesId: s.seriesId, status: "failed", commits: [] },
      select: { id: true },
    });
    expect(await enqueueSeriesTests(t.db, { applyResultId: failed.id, tests: demoTests() })).toBe(0);
  });

  it("are queued for the branch head, once per commit", async () => {
    const input = {
      projectId: ids.get("demo")!,
      branch: "main",
      commit: fakeCommit("h"),
      tests: demoTests(),
    };
    expect(await enqueueHeadTests(t.db, input)).toBe(2);
    expect(await enqueueHeadTests(t.db, input)).toBe(0);
  });
});

describe("tokens", () => {
  it("a missing, malformed, unknown or revoked token gets a 401, on every call", async () => {
    const s = await appliedSeries();
    const job = await t.prisma.testJob.findFirstOrThrow({ where: { seriesId: s.seriesId } });
    const id = job.id.toString();
    const good = await tester();
    const forged = `pwt_${"A".repeat(43)}`;
    for (const token of [undefined, "not-a-token", forged]) {
      await expectError(
        await call(api.claim, "/api/v1/tester/claim", { token, body: "{}" }),
        401,
        "unauthorized",
      );
      await expectError(await result(token!, id, { state: "passed", durationMs: 1 }), 401, "unauthorized");
    }
    expect((await claim(good.token, { capabilities: ["arch=aarch64"] })).status).toBe(200);
    await revokeTester(t.db, good.name);
    await expectError(await claim(good.token), 401, "unauthorized");
    await expectError(await heartbeat(good.token, id), 401, "unauthorized");
    await expectError(await log(good.token, id, "x"), 401, "unauthorized");
    await expectError(await result(good.token, id, { state: "passed", durationMs: 1 }), 401, "unauthorized");
  });

  it("are stored as a hash only", async () => {
    const made = await tester();
    const row = await t.prisma.tester.findUniqueOrThrow({ where: { name: made.name } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(made.token.slice(4));
  });
});

describe("claiming", () => {
  it("hands out a job with what the tester needs to run it, then 204 when nothing is left", async () => {
    const s = await appliedSeries();
    const { headMsgid, title } = await t.prisma.series.findUniqueOrThrow({ where: { id: s.seriesId } });
    const { token } = await tester();
    const job = await claimed(await claim(token));
    expect(job).toEqual({
      id: expect.stringMatching(/^\d+$/),
      project: "demo",
      test: "build",
      script: "make -j4",
      timeoutSeconds: 600,
      fetchUrl: `${ORIGIN}/git/demo`,
      ref: `patchwatch/${headMsgid}/v1`,
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      baseCommit: fakeCommit("base"),
      leaseSeconds: 120,
      series: { headMsgid, title, version: 1 },
    });
    // The arm test needs a capability this tester did not offer.
    expect((await claim(token)).status).toBe(204);
    const arm = await claimed(await claim(token, { capabilities: ["arch=aarch64", "kvm"] }));
    expect(arm.test).toBe("arm");
  });

  it("hands a branch head job out with the upstream repository and the branch", async () => {
    await enqueueHeadTests(t.db, {
      projectId: ids.get("demo")!,
      branch: "main",
      commit: fakeCommit("h"),
      tests: demoTests(),
    });
    const { token } = await tester();
    const job = await claimed(await claim(token));
    expect(job).toMatchObject({
      ref: "main",
      commit: fakeCommit("h"),
      baseCommit: null,
      fetchUrl: "https://git.example.org/demo.git",
      series: null,
    });
  });

  it("keeps to the projects a token allows", async () => {
    await appliedSeries();
    const otherOnly = await tester({ projects: ["other"] });
    expect((await claim(otherOnly.token)).status).toBe(204);
    const message = await expectError(
      await claim(otherOnly.token, { capabilities: [], projects: ["demo"] }),
      403,
      "forbidden",
    );
    expect(message).toContain("demo");
    await expectError(
      await claim(otherOnly.token, { capabilities: [], projects: ["nope"] }),
      400,
      "bad-request",
    );
    await expectError(await claim(otherOnly.token, { capabilities: "all" }), 400, "bad-request");
  });

  it("never gives one job to two testers, however many claim at once", async () => {
    for (let i = 0; i < 15; i++) await appliedSeries(); // 30 jobs
    const tokens = await Promise.all(Array.from({ length: 6 }, () => tester()));
    const answers = await Promise.all(
      Array.from({ length: 48 }, (_, i) =>
        claim(tokens[i % tokens.length]!.token, { capabilities: ["arch=aarch64"] }),
      ),
    );
    const jobs = await Promise.all(answers.filter((a) => a.status === 200).map(claimed));
    expect(answers.filter((a) => a.status === 204)).toHaveLength(18);
    expect(jobs).toHaveLength(30);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(30);
    const rows = await t.prisma.testJob.findMany();
    expect(rows.every((r) => r.state === "running" && r.attempts === 1 && r.claimedBy.length === 1)).toBe(
      true,
    );
  });
});

describe("a tester that dies mid-run", () => {
  it("loses its job when the lease runs out: another tester takes it and the late report gets a 409", async () => {
    await appliedSeries();
    const dead = await tester();
    const alive = await tester();
    const job = await claimed(await claim(dead.token));
    const beat = await heartbeat(dead.token, job.id);
    expect(beat.status).toBe(200);
    expect(await beat.json()).toEqual({ leaseExpiresAt: "2026-03-01T12:02:00.000Z" });
    expect((await log(dead.token, job.id, "first run, partial\n")).status).toBe(200);

    // Within the lease nobody else gets it.
    clock = new Date(clock.getTime() + 119_000);
    expect((await claim(alive.token)).status).toBe(204);
    clock = new Date(clock.getTime() + 2_000);
    const again = await claimed(await claim(alive.token));
    expect(again.id).toBe(job.id);

    await expectError(await heartbeat(dead.token, job.id), 409, "conflict");
    await expectError(await log(dead.token, job.id, "late output\n"), 409, "conflict");
    await expectError(await result(dead.token, job.id, { state: "passed", durationMs: 5 }), 409, "conflict");

    expect((await log(alive.token, job.id, "second run\n")).status).toBe(200);
    const done = await result(alive.token, job.id, {
      state: "failed",
      durationMs: 4200,
      summary: "2 tests failed",
    });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ state: "failed" });
    await expectError(await result(alive.token, job.id, { state: "passed", durationMs: 1 }), 409, "conflict");

    const row = await t.prisma.testJob.findUniqueOrThrow({
      where: { id: BigInt(job.id) },
      include: { log: true },
    });
    expect(row).toMatchObject({ state: "failed", attempts: 2, durationMs: 4200, summary: "2 tests failed" });
    // The new run's log starts afresh: nothing of the dead tester's.
    expect(row.log?.text).toBe("second run\n");
    const results = await t.prisma.testResult.findMany({ where: { jobId: row.id } });
    expect(results).toEqual([
      expect.objectContaining({
        context: "build",
        state: "fail",
        source: `tester:${alive.name}`,
        url: `/logs/${job.id}`,
        durationMs: 4200,
        description: "2 tests failed",
      }),
    ]);
  });

  it("a lease that ran out but that nobody took still holds for its tester", async () => {
    await appliedSeries();
    const slow = await tester();
    const job = await claimed(await claim(slow.token));
    clock = new Date(clock.getTime() + 600_000);
    expect((await heartbeat(slow.token, job.id)).status).toBe(200);
    expect((await result(slow.token, job.id, { state: "passed", durationMs: 1 })).status).toBe(200);
  });
});

describe("reports for a job the tester does not hold", () => {
  it("are refused with a 403, a 404 for no such job", async () => {
    await appliedSeries();
    const holder = await tester();
    const stranger = await tester();
    const otherOnly = await tester({ projects: ["other"] });
    const job = await claimed(await claim(holder.token));
    await expectError(
      await result(stranger.token, job.id, { state: "passed", durationMs: 1 }),
      403,
      "forbidden",
    );
    await expectError(await heartbeat(stranger.token, job.id), 403, "forbidden");
    await expectError(await log(stranger.token, job.id, "hello"), 403, "forbidden");
    await expectError(
      await result(otherOnly.token, job.id, { state: "passed", durationMs: 1 }),
      403,
      "forbidden",
    );
    await expectError(
      await result(holder.token, "999999", { state: "passed", durationMs: 1 }),
      404,
      "not-found",
    );
    await expectError(
      await result(holder.token, "abc", { state: "passed", durationMs: 1 }),
      400,
      "bad-request",
    );
    await expectError(
      await result(holder.token, job.id, { state: "green", durationMs: 1 }),
      400,
      "bad-request",
    );
    // The holder's report still counts.
    expect((await result(holder.token, job.id, { state: "passed", durationMs: 1 })).status).toBe(200);
  });
});

describe("logs", () => {
  it("are appended part by part and capped to their first and last bytes", async () => {
    await appliedSeries();
    const { token } = await tester();
    const job = await claimed(await claim(token));
    const line = (i: number) => `line ${String(i).padStart(6, "0")}\n`; // 12 bytes
    const all = Array.from({ length: 20_000 }, (_, i) => line(i)).join(""); // 240,000 bytes
    let last: Response | undefined;
    for (let at = 0; at < all.length; at += 50_000)
      last = await log(token, job.id, all.slice(at, at + 50_000));
    expect(await last!.json()).toEqual({ bytes: 240_000, truncated: true });
    const stored = await t.prisma.testLog.findUniqueOrThrow({ where: { jobId: BigInt(job.id) } });
    const cut = 240_000 - 2 * 64 * 1024;
    expect(stored.text).toBe(all.slice(0, 65_536) + cutMarker(cut) + all.slice(-65_536));
    expect(stored.bytes).toBe(240_000n);
  });

  it("of 200 MB stream in and are capped, and the server answers other requests meanwhile", async () => {
    await appliedSeries();
    const { token } = await tester();
    const job = await claimed(await claim(token));
    const server = await serve(api);
    try {
      const CHUNK = 64 * 1024;
      const TOTAL = 200 * 1024 * 1024;
      const chunk = Buffer.alloc(CHUNK, "0123456789abcdef".repeat(3) + "all work and no play\n");
      let sent = 0;
      let heartbeatAnswered: (() => void) | undefined;
      const answered = new Promise<void>((resolve) => (heartbeatAnswered = resolve));
      let answeredAt = -1;
      // The upload pauses half-way until a heartbeat on another connection has been answered.
      const body = new Readable({
        async read() {
          if (sent === TOTAL / 2) {
            const beat = await post(server.url, `/api/v1/tester/jobs/${job.id}/heartbeat`, token, null);
            expect(beat.status).toBe(200);
            answeredAt = sent;
            heartbeatAnswered!();
          }
          if (sent >= TOTAL) return void this.push(null);
          sent += CHUNK;
          this.push(sent === CHUNK ? Buffer.from(`FIRST LINE\n${chunk.toString().slice(11)}`) : chunk);
        },
      });
      const rssBefore = process.memoryUsage().rss;
      const upload = post(server.url, `/api/v1/tester/jobs/${job.id}/log`, token, body);
      await answered;
      const response = await upload;
      expect(answeredAt).toBe(TOTAL / 2);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text)).toEqual({ bytes: TOTAL, truncated: true });
      // Nothing near 200 MB was held at once (the upload itself is a 64 KiB buffer sent over and over).
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
      const stored = await t.prisma.testLog.findUniqueOrThrow({ where: { jobId: BigInt(job.id) } });
      expect(stored.bytes).toBe(BigInt(TOTAL));
      expect(stored.text.startsWith("FIRST LINE\n")).toBe(true);
      expect(stored.text).toContain(cutMarker(TOTAL - 2 * 64 * 1024));
      expect(Buffer.byteLength(stored.text)).toBe(
        2 * 64 * 1024 + Buffer.byteLength(cutMarker(TOTAL - 2 * 64 * 1024)),
      );
      expect(stored.text.endsWith(chunk.toString().slice(-1000))).toBe(true);
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe("base state: fails on master too", () => {
  async function finishHead(commit: string, outcome: "passed" | "failed") {
    await enqueueHeadTests(t.db, { projectId: ids.get("demo")!, branch: "main", commit, tests: demoTests() });
    const { token } = await tester();
    for (;;) {
      const answer = await claim(token, { capabilities: ["arch=aarch64"] });
      if (answer.status === 204) break;
      const job = await claimed(answer);
      if (job.series !== null) throw new Error("a series job came first");
      await result(token, job.id, { state: job.test === "build" ? outcome : "passed", durationMs: 10 });
    }
  }

  async function finishSeries(seriesId: bigint, outcome: "passed" | "failed") {
    const { token } = await tester();
    const queued = await t.prisma.testJob.count({ where: { seriesId, state: "queued" } });
    for (let i = 0; i < queued; i++) {
      const job = await claimed(await claim(token, { capabilities: ["arch=aarch64"] }));
      await result(token, job.id, { state: job.test === "build" ? outcome : "passed", durationMs: 20 });
    }
  }

  const buildResult = async (seriesId: bigint) =>
    t.prisma.testResult.findFirstOrThrow({ where: { seriesId, context: "build" } });

  it("the head ran first: the series' result gets the head's state when it is written", async () => {
    const base = fakeCommit("h-first");
    await finishHead(base, "failed");
    const s = await appliedSeries(base);
    await finishSeries(s.seriesId, "failed");
    expect(await buildResult(s.seriesId)).toMatchObject({ state: "fail", baseState: "fail" });
    const checks = await getSeriesChecks(t.db, { id: s.seriesId });
    expect(checks.contexts.find((c) => c.context === "build")!.latest).toMatchObject({
      state: "fail",
      failsOnMasterToo: true,
    });
    expect(checks.contexts.find((c) => c.context === "arm")!.latest).toMatchObject({
      state: "success",
      failsOnMasterToo: false,
    });
  });

  it("the series ran first: the head's result fills its base state in", async () => {
    const base = fakeCommit("s-first");
    const s = await appliedSeries(base);
    await finishSeries(s.seriesId, "failed");
    expect(await buildResult(s.seriesId)).toMatchObject({ state: "fail", baseState: null });
    await finishHead(base, "failed");
    expect(await buildResult(s.seriesId)).toMatchObject({ state: "fail", baseState: "fail" });
  });

  it("a failure the head does not share is the series' own", async () => {
    const base = fakeCommit("h-pass");
    const s = await appliedSeries(base);
    await finishSeries(s.seriesId, "failed");
    await finishHead(base, "passed");
    expect(await buildResult(s.seriesId)).toMatchObject({ state: "fail", baseState: "success" });
    const checks = await getSeriesChecks(t.db, { id: s.seriesId });
    expect(checks.contexts.find((c) => c.context === "build")!.latest.failsOnMasterToo).toBe(false);
  });
});

/** The tester API on a real HTTP server, as Next.js serves route handlers: the body is the socket's stream. */
async function serve(testerApi: TesterApi): Promise<{ url: string; close(): Promise<void> }> {
  const route = (path: string): [Door, RawParams] | null => {
    const m = /^\/api\/v1\/tester\/jobs\/([^/]+)\/(heartbeat|log|result)$/.exec(path);
    if (m) return [testerApi[m[2] as "heartbeat" | "log" | "result"], { id: m[1]! }];
    return path === "/api/v1/tester/claim" ? [testerApi.claim, {}] : null;
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      const found = route(req.url ?? "");
      if (!found) return void res.writeHead(404).end();
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
        duplex: "half",
      } as RequestInit);
      const response = await found[0].respond(() => t.db, request, found[1]);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function post(
  base: string,
  path: string,
  token: string,
  body: Readable | null,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
    });
    req.on("response", (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString() }));
    });
    req.on("error", reject);
    if (body) body.pipe(req);
    else req.end();
  });
}
