import crypto from "node:crypto";
import fs from "node:fs";

import { expect, test } from "@playwright/test";

import { loadConfig } from "../lib/config/environment";
import { openDatabase } from "../lib/db/open-database";
import { prismaForTests } from "../lib/db/test-support/prisma-for-tests";
import { seriesHref } from "../lib/routes";
import { sampleUpstreamPaths } from "./support/sample-upstream";
import { watchForScripts } from "./support/watch-for-scripts";

// Test results in the browser: a sample series (shmctl04, four patches) with a tester's
// failed build and its log, an external check that passed, a failure the branch head
// shares, a patch's check, and configured tests still running or never run. The rows are
// written to the database as the tester API and the checks API write them. The log holds
// colours, a <script> and an OSC 8 hyperlink; nothing of it may run or become a link.
test.describe.configure({ mode: "serial" });

const dataDir = process.env.E2E_DATA_DIR!;
const HEAD = "20260223031903.4037526-1-weiguixiong@bytedance.com";
const TITLE = "syscalls/ipc: shmctl04: Fix /proc/sysvipc/shm parsing";
const ESC = "\x1b";
const LOG = [
  "+ make -j2",
  `${ESC}[1;32mPASS${ESC}[0m: shmctl01`,
  `${ESC}[31merror${ESC}[0m: <script>window.__pwned = "log"</script>`,
  `see ${ESC}]8;;javascript:window.__pwned='osc'${ESC}\\the docs${ESC}]8;;${ESC}\\ for more`,
  `${ESC}[33m</span><img src=x onerror="window.__pwned='img'">${ESC}[0m`,
  ...Array.from(
    { length: 300 },
    (_, i) => `line ${i + 6}: ${i % 7 === 0 ? `${ESC}[94mnote${ESC}[0m` : "ok"}`,
  ),
  `${ESC}[1;31mFAIL${ESC}[0m: shmctl04`,
  "",
].join("\n");

const { projectsFile } = sampleUpstreamPaths(dataDir);
let projectsText: string;
let buildJob: bigint;

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>): Promise<T> {
  const open = await openDatabase(loadConfig({ ...process.env, PATCHWATCH_DATA: dataDir, DATABASE_URL: "" }));
  try {
    return await fn(open.db);
  } finally {
    await open.close();
  }
}

test.beforeAll(async () => {
  // The project runs three tests: the page reads the setting when it renders (the
  // workers read theirs at start, so no job of theirs comes of it). Put back afterwards.
  projectsText = fs.readFileSync(projectsFile, "utf8");
  const file = JSON.parse(projectsText) as { projects: { name: string; tests?: unknown }[] };
  file.projects.find((p) => p.name === "ltp")!.tests = ["build", "unit", "docs"].map((name) => ({
    name,
    script: "make check",
  }));
  fs.writeFileSync(projectsFile, JSON.stringify(file, null, 2));

  await withDb(async (db) => {
    const series = await prismaForTests(db).series.findFirstOrThrow({
      where: { headMsgid: HEAD, project: { name: "ltp" } },
      select: { id: true, projectId: true, patches: { select: { id: true, index: true } } },
    });
    const tester = await prismaForTests(db).tester.create({
      data: {
        name: `e2e-tester-${crypto.randomBytes(3).toString("hex")}`,
        tokenHash: crypto.randomBytes(32).toString("hex"),
      },
    });
    const job = (testName: string, state: string, extra: object = {}) =>
      prismaForTests(db).testJob.create({
        data: {
          projectId: series.projectId,
          seriesId: series.id,
          testName,
          state,
          commit: "0123456789abcdef0123456789abcdef01234567",
          ref: "patchwatch/e2e-shmctl04",
          testerId: tester.id,
          ...extra,
        },
      });
    const started = new Date(Date.now() - 10 * 60_000);
    buildJob = (
      await job("build", "failed", {
        durationMs: 83_000,
        startedAt: started,
        finishedAt: new Date(started.getTime() + 83_000),
        // As the server keeps a log over its cap: the head and the tail (lib/ci/log-cap.ts).
        log: { create: { text: LOG, bytes: 5_000_000n, truncated: true } },
      })
    ).id;
    await job("unit", "running", { startedAt: new Date() });
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const report = (data: Record<string, unknown>) =>
      prismaForTests(db).testResult.create({ data: { seriesId: series.id, ...data } as never });
    await report({ context: "build", state: "pending", source: `tester:${tester.name}`, createdAt: at(9) });
    await report({
      context: "build",
      state: "fail",
      baseState: "success",
      jobId: buildJob,
      durationMs: 83_000,
      source: `tester:${tester.name}`,
      description: "shmctl04 failed",
      createdAt: at(8),
    });
    await report({
      context: "kernel-robot",
      state: "success",
      url: "https://ci.example.org/runs/42",
      description: "boot test",
      source: "check:kernel-robot",
      createdAt: at(7),
    });
    await report({
      context: "gitlab",
      state: "fail",
      baseState: "fail",
      url: "https://gitlab.example.org/ltp/-/pipelines/7",
      source: "gitlab",
      durationMs: 252_000,
      createdAt: at(6),
    });
    await report({
      context: "checkpatch",
      patchId: series.patches.find((p) => p.index === 2)!.id,
      state: "warning",
      url: "javascript:window.__pwned='check'",
      description: "line over 100 columns",
      source: "check:checkpatch",
      createdAt: at(5),
    });
  });
});

test.afterAll(() => {
  if (projectsText !== undefined) fs.writeFileSync(projectsFile, projectsText);
});

test("the series page lists each test and check with its state, and the tests nobody ran yet", async ({
  page,
}, info) => {
  const safe = watchForScripts(page);
  await page.goto(seriesHref("ltp", HEAD));
  await expect(page.getByRole("heading", { name: TITLE }).first()).toBeVisible();
  const section = page.locator("section#checks");
  await expect(section.getByRole("heading", { name: "Tests and checks" })).toBeVisible();
  const row = (list: string, context: string) =>
    section.getByRole("list", { name: list }).locator(`> li[data-context="${context}"]`);
  const series = "Tests and checks of the series";

  await expect(row(series, "build").locator(".badge").first()).toHaveText("fail");
  await expect(row(series, "build")).toContainText("shmctl04 failed");
  await expect(row(series, "build")).toContainText("1 min 23 s");
  await expect(row(series, "kernel-robot").locator(".badge")).toHaveText("success");
  await expect(row(series, "kernel-robot").getByRole("link", { name: "details" })).toHaveAttribute(
    "href",
    "https://ci.example.org/runs/42",
  );
  // A failure the branch head shares is told apart, not shown red.
  await expect(row(series, "gitlab").locator(".badge")).toHaveText("fails on master too");
  await expect(row(series, "gitlab").locator(".badge")).not.toHaveClass(/red/);
  await expect(row(series, "gitlab")).toContainText("the branch head fails this test as well");
  // Configured tests without a report say what they wait for.
  await expect(row(series, "unit")).toContainText(/running on e2e-tester-/);
  await expect(row(series, "docs")).toContainText("not tested");
  // The patch's check: its javascript: URL is no link.
  const patch2 = row("Tests and checks of patch 2", "checkpatch");
  await expect(patch2.locator(".badge")).toHaveText("warning");
  await expect(patch2).toContainText("line over 100 columns");
  await expect(patch2.getByRole("link")).toHaveCount(0);
  // The header sums it up: one failure of the series' own.
  await expect(page.locator("header .badge", { hasText: "tests failed" })).toBeVisible();

  // History on demand: the earlier report is folded away until asked for.
  const history = row(series, "build").locator("details");
  await expect(history.locator("summary")).toHaveText("1 earlier report");
  await expect(history.locator("li")).toBeHidden();
  await history.locator("summary").click();
  await expect(history.locator("li .badge")).toHaveText("pending");

  await section.screenshot({ path: info.outputPath("series-checks.png") });
  await info.attach("series-checks", {
    path: info.outputPath("series-checks.png"),
    contentType: "image/png",
  });
  await safe();
});

test("the list shows the series' tests as failed, with why on hover", async ({ page }) => {
  await page.goto(`/ltp?q=${encodeURIComponent("shmctl04")}`);
  const badge = page
    .locator(".series-row", { hasText: TITLE })
    .locator(".badge", { hasText: "tests failed" });
  await expect(badge).toHaveAttribute("title", /1 of 3 checks failed \(1 also fails on master\)/);
});

test("the log link opens the log: colours as spans, markup as text, lines with anchors", async ({
  page,
  request,
}, info) => {
  const safe = watchForScripts(page);
  await page.goto(seriesHref("ltp", HEAD));
  await page
    .locator('section#checks li[data-context="build"]')
    .getByRole("link", { name: "log" })
    .first()
    .click();
  await expect(page).toHaveURL(new RegExp(`/logs/${buildJob}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`build on ${TITLE} v1`);
  await expect(page.getByRole("link", { name: `${TITLE} (v1)` })).toHaveAttribute(
    "href",
    seriesHref("ltp", HEAD),
  );
  await expect(page.locator("dl")).toContainText("0123456789abcdef0123456789abcdef01234567");
  await expect(page.locator("dl")).toContainText(/e2e-tester-/);

  await expect(page.getByRole("note")).toContainText("the tester sent 5000000 bytes");
  await page.screenshot({ path: info.outputPath("log-top.png") });
  await info.attach("log-top", { path: info.outputPath("log-top.png"), contentType: "image/png" });
  const log = page.locator(".log-frame");
  // ANSI colours are spans of our classes, and the colour shows.
  await expect(log.locator("#L2 span.f2.b")).toHaveText("PASS");
  await expect(log.locator("#L3 span.f1")).toHaveText("error");
  const red = await log.locator("#L3 span.f1").evaluate((e) => getComputedStyle(e).color);
  const plain = await log.locator("#L1 > span").evaluate((e) => getComputedStyle(e).color);
  expect(red).not.toBe(plain);
  // Markup in the log is text; the OSC 8 hyperlink leaves its words, not a link.
  await expect(log.locator("#L3")).toContainText('<script>window.__pwned = "log"</script>');
  await expect(log.locator("#L4 > span")).toHaveText("see the docs for more");
  await expect(log.locator("#L4 a")).toHaveCount(1);
  await expect(log.locator("#L5")).toContainText("</span><img src=x");
  await expect(log.locator("script, img")).toHaveCount(0);

  // A line's number links to it; the targeted line is highlighted and in view.
  await log.locator("#L250 > a").click();
  await expect(page).toHaveURL(/#L250$/);
  const background = (id: string) =>
    log.locator(`#${id}`).evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(await background("L250")).not.toBe(await background("L249"));
  await expect(log.locator("#L250")).toBeInViewport();
  await page.goto(`/logs/${buildJob}#L305`);
  await expect(log.locator("#L305")).toBeInViewport();
  await expect(log.locator("#L305")).toContainText("line 305");
  expect(await background("L305")).not.toBe(await background("L304"));
  await page.screenshot({ path: info.outputPath("log-page.png") });
  await info.attach("log-page", { path: info.outputPath("log-page.png"), contentType: "image/png" });
  await safe();

  // The raw log, as sent, as plain text nothing sniffs.
  const raw = await request.get(`/logs/${buildJob}/raw`);
  expect(raw.status()).toBe(200);
  expect(raw.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(raw.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await raw.text()).toBe(LOG);
});

test("a job that does not exist, or an id that is not one, is a 404 page", async ({ page }) => {
  for (const id of ["999999999", "abc", "1e3", "-1", "99999999999999999999"]) {
    const response = await page.goto(`/logs/${id}`);
    expect(response?.status(), id).toBe(404);
  }
});
