import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { expect, test, type Page } from "@playwright/test";

import { writeMboxrd } from "../lib/mbox/write-mboxrd";
import {
  HUGE_DIFF_MSGID,
  hostileMails,
  LONG_SUBJECT_MSGID,
  META_MSGID,
  XSS_MSGID,
} from "./support/hostile-mail";
import { watchForScripts } from "./support/watch-for-scripts";

// Mail from strangers, shown in a real browser: nothing in it may run, and the layout
// must hold. The mails are imported into the running Patchwatch with the CLI, as a
// maintainer would import an archive.
test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-hostile-"));
  const mbox = path.join(dir, "hostile.mbox");
  fs.writeFileSync(mbox, writeMboxrd(hostileMails()));
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "workers/cli.ts", "import", mbox, "--project", "ltp", "--no-progress"],
    {
      env: { ...process.env, DATABASE_URL: "", PATCHWATCH_DATA: process.env.E2E_DATA_DIR },
      encoding: "utf8",
    },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  expect(result.status, result.stderr).toBe(0);
});

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width + 1);
}

function seriesUrl(msgid: string): string {
  return `/ltp/${encodeURIComponent(msgid)}`;
}

for (const width of [1280, 375]) {
  test(`at ${width} px the series list shows hostile subjects and names as text, runs nothing, and does not scroll sideways`, async ({
    page,
  }, info) => {
    await page.setViewportSize({ width, height: 900 });
    const check = watchForScripts(page);
    await page.goto(`/ltp?q=${encodeURIComponent("from:mallory@evil.example")}`);
    await expect(page.getByText('<script>window.__pwned = "script"</script>').first()).toBeVisible();
    await check();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: info.outputPath(`hostile-list-${width}.png`), fullPage: true });
  });
}

test("the series page of a hostile patch shows its markup as text in the subject, the commit message and the diff", async ({
  page,
}, info) => {
  const check = watchForScripts(page);
  await page.goto(seriesUrl(XSS_MSGID));
  await expect(page.getByRole("heading").first()).toContainText("<script>");
  await expect(
    page.getByText(`char *s = "<img src=x onerror="window.__pwned = 'img'">";`).first(),
  ).toBeAttached();
  await check();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: info.outputPath("hostile-series.png"), fullPage: true });
});

test("an HTML-only reply is shown as text, without its markup, scripts or styles", async ({ page }) => {
  const check = watchForScripts(page);
  await page.goto(`/m/${encodeURIComponent("xss-reply@evil.example")}`);
  await expect(page.locator("body")).toBeVisible();
  await check();
  await expectNoSidewaysScroll(page);
});

test("a 100 KB subject wraps instead of widening the page", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const response = await page.goto(seriesUrl(LONG_SUBJECT_MSGID));
  expect(response?.status()).toBe(200);
  // lib/mail keeps the first 4,096 characters of a subject (MAX_SUBJECT_CHARS).
  expect((await page.getByRole("heading").first().innerText()).length).toBeGreaterThan(4000);
  await expectNoSidewaysScroll(page);
  await page.goto(`/ltp?q=${encodeURIComponent("from:mallory@evil.example")}`);
  await expectNoSidewaysScroll(page);
});

test("a series with a 10,000-line diff loads and stays responsive", async ({ page }, info) => {
  const started = Date.now();
  await page.goto(seriesUrl(HUGE_DIFF_MSGID));
  const loaded = Date.now() - started;
  // The page answers input at once: a round trip through the main thread is quick.
  const t = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  expect(Date.now() - t).toBeLessThan(1000);
  expect(loaded).toBeLessThan(15_000);
  await page.screenshot({ path: info.outputPath("huge-diff.png") });
});

test("a Message-ID full of shell and ref metacharacters is a page like any other", async ({ page }) => {
  const check = watchForScripts(page);
  const response = await page.goto(`/m/${encodeURIComponent(META_MSGID)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText("meta: a Message-ID full of metacharacters").first()).toBeVisible();
  await check();
});
