import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { expect, test } from "@playwright/test";

import { sampleUpstreamPaths } from "./support/sample-upstream";

// A tester as an administrator starts one: a token from `patchwatch tester-token create`,
// then `patchwatch tester` in the background against the test server. The sample's `ltp`
// project configures two tests (projects.json: whitespace, signed-off-by); the server
// queued them when the applier applied the sample series on the stand-in tree
// (support/sample-upstream.ts). The series is "[PATCH 0/3] Rewrite aio_cancel_2-1".
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "bin/patchwatch.mjs");
const HEAD = "20260203125029.15413-1-mdoucha@suse.cz";
const TESTS = ["signed-off-by", "whitespace"];

interface Check {
  context: string;
  state: string;
  url: string | null;
}

let work: string;

test.beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-e2e-tester-"));
});
test.afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The server's own environment: the CLI's admin commands reach its embedded database. */
function serverEnv(): NodeJS.ProcessEnv {
  // Next.js types make NODE_ENV required in ProcessEnv; these processes have no use for it.
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: work,
    PATCHWATCH_DATA: process.env.E2E_DATA_DIR!,
    PATCHWATCH_PROJECTS: sampleUpstreamPaths(process.env.E2E_DATA_DIR!).projectsFile,
  } as Record<string, string> as NodeJS.ProcessEnv;
}

async function seriesChecks(request: import("@playwright/test").APIRequestContext): Promise<Check[]> {
  const detail = (await (await request.get(`/api/v1/series/ltp/${encodeURIComponent(HEAD)}`)).json()) as {
    checks?: Check[];
  };
  return detail.checks ?? [];
}

test("a tester started with one command runs the project's tests on the applied series; the results and logs show on the series page", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const created = spawnSync(
    process.execPath,
    [BIN, "tester-token", "create", "e2e-tester", "--project", "ltp"],
    {
      cwd: work,
      encoding: "utf8",
      env: serverEnv(),
      timeout: 60_000,
    },
  );
  expect(created.status, created.stderr).toBe(0);
  const token = created.stdout.trim();
  expect(token).toMatch(/^pwt_\S+$/);

  // The token from the environment, so it does not show in `ps`.
  const tester = spawn(
    process.execPath,
    [BIN, "tester", "--server", baseURL!, "--work-dir", path.join(work, "tester"), "--poll-seconds", "1"],
    {
      cwd: work,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: work,
        PATCHWATCH_TESTER_TOKEN: token,
      } as Record<string, string> as NodeJS.ProcessEnv,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let said = "";
  tester.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
  try {
    await expect
      .poll(async () => (await seriesChecks(request)).map((c) => c.context).sort(), {
        timeout: 150_000,
        intervals: [1_000],
        message: `the tester's output so far:\n${said}`,
      })
      .toEqual(TESTS);
  } finally {
    tester.kill("SIGTERM");
    await new Promise((resolve) => tester.once("exit", resolve));
  }

  const checks = await seriesChecks(request);
  // The series' three commits carry their author's Signed-off-by and no whitespace damage.
  for (const c of checks) {
    expect(c.state, `${c.context}: ${said}`).toBe("success");
    expect(c.url).toMatch(/^\/logs\/\d+$/);
  }

  await page.goto(`/ltp/${encodeURIComponent(HEAD)}`);
  const section = page.getByRole("region", { name: /tests and checks/i });
  for (const name of TESTS) await expect(section.getByText(name, { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("series-with-test-results.png"), fullPage: true });

  // The log of a run: what the tester streamed while the script ran.
  const log = checks.find((c) => c.context === "signed-off-by")!.url!;
  const logPage = await page.goto(log);
  expect(logPage?.status()).toBe(200);
  await expect(page.getByText("signed-off-by").first()).toBeVisible();
  const raw = await request.get(`${log}/raw`);
  expect(raw.status()).toBe(200);
  expect(raw.headers()["content-type"]).toContain("text/plain");
});
