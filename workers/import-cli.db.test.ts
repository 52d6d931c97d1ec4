import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fixtures } from "../lib/flows/ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../lib/db/test-support/test-database";

// The `patchwatch` command as a user runs it, against a real database: killed with
// SIGKILL at random points while importing, then run again, it must end with exactly
// what one uninterrupted import gives.
const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin/patchwatch.mjs");
let interrupted: TestDatabase;
let clean: TestDatabase;
let dataDir: string;

function env(db: TestDatabase): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: db.url,
    PATCHWATCH_DATA: dataDir,
    PATCHWATCH_PROJECTS: path.join(root, "projects.json"),
  };
}

function run(db: TestDatabase, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: env(db),
    encoding: "utf8",
    timeout: 300_000,
    maxBuffer: 512 * 2 ** 20,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the command and kills it after `afterMs`; true if it was still running then. */
async function runAndKill(db: TestDatabase, args: string[], afterMs: number): Promise<boolean> {
  const child = spawn(process.execPath, [bin, ...args], { env: env(db), stdio: "ignore" });
  const exited = new Promise((r) => child.once("exit", r));
  const finished = await Promise.race([
    exited.then(() => true),
    new Promise((r) => setTimeout(() => r(false), afterMs)),
  ]);
  if (finished) return false;
  child.kill("SIGKILL");
  await exited;
  return true;
}

beforeAll(async () => {
  interrupted = await createTestDatabase();
  clean = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-cli-"));
});
afterAll(async () => {
  await interrupted.drop();
  await clean.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("patchwatch import", () => {
  it("killed with SIGKILL ten times at random points, then run again, ends exactly like one clean import", async () => {
    const args = ["import", fixtures.ltp, "--project", "ltp", "--no-progress"];
    // Deterministic "random" points spread over the import, from start-up to the series step.
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    // Each run starts where the previous ones left off, so later kills come sooner.
    let kills = 0;
    for (let i = 0; i < 10; i++)
      if (await runAndKill(interrupted, args, 700 + Math.floor(next() * 2500))) kills++;
    expect(kills).toBeGreaterThanOrEqual(8);
    const finished = run(interrupted, args);
    expect(finished.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack traces for users
    expect(finished.status).toBe(0);
    expect(run(clean, args).status).toBe(0);

    const a = run(interrupted, ["series", "--project", "ltp", "--json"]);
    const b = run(clean, ["series", "--project", "ltp", "--json"]);
    expect(a.status).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    const count = async (db: TestDatabase) => ({
      raw: await db.prisma.rawMessage.count(),
      messages: await db.prisma.message.count(),
      pending: await db.prisma.rawMessage.count({ where: { state: "pending" } }),
    });
    expect(await count(interrupted)).toEqual({ raw: 2395, messages: 2395, pending: 0 });
    expect(await count(clean)).toEqual({ raw: 2395, messages: 2395, pending: 0 });
  }, 600_000);

  it("prints a summary, lists messages as JSON, and explains a message", () => {
    const list = run(clean, ["messages", "--project", "ltp", "--json"]);
    const messages = JSON.parse(list.stdout) as { msgid: string; kind: string; error: string | null }[];
    expect(messages).toHaveLength(2395);
    expect(messages.every((m) => m.error === null)).toBe(true);
    const patch = messages.find((m) => m.kind === "patch")!;
    const why = run(clean, ["why", `<${patch.msgid}>`]);
    expect(why.status).toBe(0);
    expect(why.stdout).toMatch(/patch \d+\/\d+ of series/);
  });

  it("gives a clear error, not a stack trace, for a missing file or an unknown project", () => {
    const missing = run(clean, ["import", "/no/such/file.mbox"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe("patchwatch: no such file or directory: /no/such/file.mbox");
    const unknown = run(clean, ["series", "--project", "nope", "--json"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^patchwatch: unknown project 'nope'/);
  });
});
