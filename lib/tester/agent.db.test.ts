import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { gitOwners } from "../apply/git-owner";
import { TesterClient } from "../client/tester-client";
import { parseProjectsFile, type ProjectConfig } from "../config/projects-file";
import { enqueueSeriesTests } from "../flows/test/enqueue-series-tests";
import { createTester } from "../db/ci/testers";
import { syncProjects } from "../db/projects/sync-projects";
import { importFiles } from "../flows/ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../db/test-support/test-database";
import { runGitOk } from "../git/run";
import { commit, formatPatches, git, initWorkRepo } from "../git/test-work-repo";
import { createTesterApi } from "../http/tester-api";
import { silentLog } from "../log";
import { applyProject } from "../flows/apply/apply-project";
import { startTesterApiServer, type TesterApiServer } from "./test-support/tester-api-server";
import { runTester, type TesterOptions } from "./agent";
import { waitFor } from "../../workers/test-support/live-ingest";

// The tester agent end to end: a series is posted as mail, applied by the real applier
// (which publishes its tag), its tests are queued, and the real agent claims them from the
// real Tester API over HTTP, fetches the tag through the server's /git/<project>, runs the
// configured scripts with bash and reports. The results and logs are read back from the
// database the server wrote them to.
const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/patchwatch.mjs");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-tester-"));
const upstream = path.join(scratch, "upstream");
const author = path.join(scratch, "author");
const dataDir = path.join(scratch, "data");
const marks = path.join(scratch, "marks");
const LIST = "demo@lists.example.org";

let t: TestDatabase;
let server: TesterApiServer;
let token = "";
let otherToken = "";
let seriesId = 0n;
let headCommit = "";
let tag = "";

const tests = [
  {
    name: "unit",
    script: 'echo "unit: VERSION is $(cat VERSION) in $PATCHWATCH_PROJECT"; test "$(cat VERSION)" = 2',
  },
  {
    name: "style",
    script: 'echo "style: looking for TODO"; if grep -Hn TODO src/*.c; then echo "TODO left" >&2; exit 4; fi',
  },
  { name: "slow", capabilities: ["slow"], timeoutSeconds: 1, script: "echo sleeping; sleep 60" },
  {
    name: "long",
    capabilities: ["long"],
    script: `echo started; echo $$ > ${marks}/long.pid; sleep 60; echo "not reached"`,
  },
  {
    name: "stoppable",
    capabilities: ["stoppable"],
    script: `echo running; echo $$ > ${marks}/stoppable.pid; sleep 60`,
  },
];

let projects: ProjectConfig[];

beforeAll(async () => {
  t = await createTestDatabase();
  fs.mkdirSync(marks);
  await initWorkRepo(upstream);
  const base = await commit(
    upstream,
    { VERSION: "1\n", "src/main.c": "int main(void)\n{\n\treturn 0;\n}\n" },
    "initial",
  );
  await git(scratch, ["clone", "-q", upstream, author]);
  const tip = await commit(
    author,
    { VERSION: "2\n", "src/main.c": "int main(void)\n{\n\t/* TODO: say why */\n\treturn 0;\n}\n" },
    "version 2",
  );
  const mbox = await formatPatches(author, `${base}..${tip}`, { to: LIST });
  fs.writeFileSync(path.join(scratch, "series.mbox"), mbox);

  projects = parseProjectsFile(
    JSON.stringify({
      projects: [{ name: "demo", lists: [LIST], git: { url: upstream, branch: "master" }, tests }],
    }),
    "test projects",
  ).projects;
  const projectIds = await syncProjects(t.db, projects);
  await importFiles(t.db, [path.join(scratch, "series.mbox")], projects);
  await applyProject(
    { db: t.db, dataDir, log: silentLog, now: () => new Date() },
    gitOwners(projects).get("demo")!,
    projectIds,
  );
  const applied = await t.prisma.applyResult.findFirstOrThrow({ where: { status: "applied" } });
  seriesId = applied.seriesId;
  headCommit = applied.headCommit!;
  tag = applied.tag!;
  await enqueueSeriesTests(t.db, { applyResultId: applied.id, tests: projects[0]!.tests });

  token = (await createTester(t.db, { name: "builder-1", projects: [] })).token;
  otherToken = (await createTester(t.db, { name: "builder-2", projects: ["demo"] })).token;
  // A short lease: heartbeats come every second, so a lost lease is noticed at once.
  const api = createTesterApi({ projects: () => projects, leaseSeconds: 3 });
  server = await startTesterApiServer({
    db: t.db,
    api,
    repositoriesDir: path.join(dataDir, "git"),
    projects: ["demo"],
  });
});

afterAll(async () => {
  await server?.close();
  await t?.drop();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function agent(overrides: Partial<TesterOptions> & { workDir: string }): ReturnType<typeof runTester> {
  const lines: string[] = [];
  return runTester({
    client: new TesterClient(server.url, token),
    capabilities: [],
    projects: [],
    once: true,
    pollSeconds: 1,
    stop: new AbortController().signal,
    say: (line) => lines.push(line),
    path: process.env.PATH ?? "/usr/bin:/bin",
    limits: { killGraceMs: 500, logFlushMs: 100 },
    ...overrides,
  });
}

/** `patchwatch tester …` as a user runs it; the test's own server must keep answering, so never spawnSync. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [bin, "tester", ...args], {
    cwd: scratch,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const output = { stderr: "" };
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output, exited };
}

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const job = (test: string) =>
  t.prisma.testJob.findFirstOrThrow({
    where: { seriesId, testName: test },
    include: { log: true, results: true },
  });

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return !stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
}

describe("patchwatch tester", () => {
  const workDir = path.join(scratch, "work");

  it("runs a passing and a failing test of an applied series; the server records states, summaries and logs", async () => {
    expect(tag).toMatch(/^patchwatch\//);
    const first = await agent({ workDir });
    const second = await agent({ workDir });
    expect([...first, ...second].map((end) => end.reported)).toEqual(["passed", "failed"]);

    const unit = await job("unit");
    expect(unit).toMatchObject({ state: "passed", commit: headCommit });
    expect(unit.summary).toMatch(/^passed in \d+\.\d s$/);
    expect(unit.durationMs).toBeGreaterThanOrEqual(0);
    expect(unit.log!.text).toContain("unit: VERSION is 2 in demo\n");
    expect(unit.log!.text).toContain(
      `[patchwatch tester] demo unit: commit ${headCommit}, ${tag} from ${server.url}/git/demo`,
    );
    expect(unit.results).toMatchObject([{ context: "unit", state: "success", source: "tester:builder-1" }]);

    const style = await job("style");
    expect(style).toMatchObject({ state: "failed", commit: headCommit });
    expect(style.summary).toMatch(/^exit status 4 after \d+\.\d s$/);
    // stdout and stderr in the order written, as the script printed them.
    expect(style.log!.text).toContain(
      "style: looking for TODO\nsrc/main.c:3:\t/* TODO: say why */\nTODO left\n",
    );
    expect(style.results).toMatchObject([{ context: "style", state: "fail", description: style.summary }]);

    // The worktree and the fetched ref are gone; the fetch cache stays for the next job.
    expect(fs.readdirSync(path.join(workDir, "jobs"))).toEqual([]);
    const refs = await runGitOk([`--git-dir=${path.join(workDir, "cache.git")}`, "for-each-ref"]);
    expect(refs.stdout.toString()).toBe("");
    await runGitOk([
      `--git-dir=${path.join(workDir, "cache.git")}`,
      "cat-file",
      "-e",
      `${headCommit}^{commit}`,
    ]);
    expect(server.requests).toContain("POST /git/demo/git-upload-pack");
  });

  it("with nothing for its capabilities, --once returns without a job", async () => {
    expect(await agent({ workDir })).toEqual([]);
  });

  it("a script over its timeout is killed and reported as an error", async () => {
    const ends = await agent({ workDir, capabilities: ["slow"] });
    expect(ends).toEqual([{ reported: "error", summary: "timed out after 1 s" }]);
    const slow = await job("slow");
    expect(slow).toMatchObject({ state: "error", summary: "timed out after 1 s" });
    expect(slow.log!.text).toContain("sleeping\n");
    expect(slow.results).toMatchObject([{ context: "slow", state: "error" }]);
  });

  it("a lease lost to another tester stops the script, and the first tester reports nothing", async () => {
    const run = agent({ workDir, capabilities: ["long"] });
    await waitFor("the script to start", async () => (await job("long")).log?.text.includes("started\n"));
    const pid = Number(fs.readFileSync(path.join(marks, "long.pid"), "utf8"));
    expect(alive(pid)).toBe(true);

    // The lease runs out (the first tester went quiet) and another tester takes the job.
    const other = new TesterClient(server.url, otherToken);
    const claim = await waitFor("the other tester's claim", async () => {
      await t.prisma.testJob.updateMany({
        where: { seriesId, testName: "long" },
        data: { leaseExpiresAt: new Date(Date.now() - 60_000) },
      });
      return other.claim(["long"], []);
    });
    expect(claim).toMatchObject({ ok: true, job: { test: "long" } });

    const ends = await run;
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ reported: null, why: "lease-lost" });
    expect(alive(pid)).toBe(false);
    const long = await job("long");
    const builder2 = await t.prisma.tester.findUniqueOrThrow({ where: { name: "builder-2" } });
    expect(long).toMatchObject({ state: "running", testerId: builder2.id, attempts: 2 });
    expect(long.results).toEqual([]);

    // The job is the other tester's to finish.
    await other.report(long.id.toString(), { state: "passed", durationMs: 5, summary: "passed elsewhere" });
    expect((await job("long")).results).toMatchObject([{ state: "success", source: "tester:builder-2" }]);
  });

  it("the command: SIGTERM stops the running script, reports nothing and exits with 0", async () => {
    const cli = startCli([
      "--server",
      server.url,
      "--token",
      token,
      "--capability",
      "stoppable",
      "--work-dir",
      workDir,
    ]);
    await waitFor("the script to start", async () =>
      (await job("stoppable")).log?.text.includes("running\n"),
    );
    const pid = Number(fs.readFileSync(path.join(marks, "stoppable.pid"), "utf8"));
    expect(alive(pid)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 1500));
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
    expect(alive(pid)).toBe(false);
    expect(cli.output.stderr).toContain("SIGTERM: stopping");
    // It ran for seconds on a 3 s lease: heartbeats were sent and accepted.
    const stoppable = await job("stoppable");
    expect(server.requests).toContain(`POST /api/v1/tester/jobs/${stoppable.id}/heartbeat`);
    expect(cli.output.stderr).not.toContain("heartbeat failed");
    expect(cli.output.stderr).not.toMatch(/\n\s+at /);
    expect(await job("stoppable")).toMatchObject({ state: "running", results: [] });
    expect(fs.readdirSync(path.join(workDir, "jobs"))).toEqual([]);
    expect(fs.existsSync(path.join(workDir, "tester.pid"))).toBe(false);
  });

  it("the command: a wrong token ends it with one clear line and status 1", async () => {
    const cli = startCli(["--server", server.url, "--token", "not-a-token", "--once", "--work-dir", workDir]);
    expect(await cli.exited).toBe(1);
    expect(cli.output.stderr.trim().split("\n").at(-1)).toMatch(
      /^patchwatch: the server refused the token: 127\.0\.0\.1:\d+: the tester token is invalid or revoked$/,
    );
    expect(cli.output.stderr).not.toMatch(/\n\s+at /);
  });

  it("the command: refuses a capability that is not a name, before asking the server", async () => {
    const cli = startCli(["--server", server.url, "--token", token, "--capability", "-x y", "--once"]);
    expect(await cli.exited).toBe(1);
    expect(cli.output.stderr).toMatch(/^patchwatch: --capability letters, digits/);
  });

  it("the command: an unreachable server is waited for, and SIGINT ends the wait cleanly", async () => {
    const port = await closedPort();
    const cli = startCli([
      "--server",
      `http://127.0.0.1:${port}`,
      "--token",
      token,
      "--work-dir",
      path.join(scratch, "w2"),
    ]);
    await waitFor("the first failed attempt", async () =>
      cli.output.stderr.includes("trying again with backoff"),
    );
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    expect(cli.output.stderr).toContain(
      `cannot reach http://127.0.0.1:${port} (ECONNREFUSED); trying again with backoff`,
    );
    expect(cli.output.stderr).toContain("SIGINT: stopping");
  });
});
