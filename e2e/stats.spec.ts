import { expect, test } from "@playwright/test";

// The stats page of the sample: every chart is an SVG written on the server, named by its
// <title>, and the page needs no script to show them.
test.use({ javaScriptEnabled: false });

test("the ltp stats page draws its charts as titled SVG images", async ({ page }, testInfo) => {
  await page.goto("/ltp");
  await page.getByRole("link", { name: "Stats" }).click();
  await expect(page).toHaveURL(/\/ltp\/stats$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("numbers and pictures");

  const charts: [string, RegExp][] = [
    ["chart-first-reply", /^Days to the first reply from someone other than the author/],
    ["chart-first-review", /^Days to the first Reviewed-by or Acked-by/],
    ["chart-weekly", /^Series posted and merged per week$/],
    ["chart-lost", /^Lost series at the end of each week .*within 14 days/],
    ["chart-areas", /^Slowest top-level directories/],
  ];
  for (const [id, title] of charts) {
    const svg = page.getByTestId(id).locator("svg");
    await expect(svg).toBeVisible();
    await expect(svg).toHaveAttribute("role", "img");
    await expect(svg.locator(`title#${id}-title`)).toHaveText(title);
    expect(await svg.locator(`desc#${id}-desc`).textContent()).not.toBe("");
    // The accessible name comes from the <title>.
    await expect(page.getByRole("img", { name: title })).toHaveCount(1);
  }
  // Drawn, not empty: the weekly chart has bars, the reply chart a line.
  expect(await page.getByTestId("chart-weekly").locator("rect title").count()).toBeGreaterThan(10);
  expect(await page.getByTestId("chart-first-reply").locator("path").count()).toBeGreaterThan(0);
  // The sample has no upstream merges, and no MAINTAINERS file.
  await expect(page.getByTestId("no-merged")).toContainText("No merged series yet.");
  await expect(page.getByTestId("chart-areas")).toContainText("no MAINTAINERS data");

  await page.setViewportSize({ width: 1000, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("stats.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: testInfo.outputPath("stats-dark.png"), fullPage: true });
});

test("the stats API answers the page's numbers as JSON", async ({ request }) => {
  const response = await request.get("/api/v1/projects/ltp/stats");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as {
    weekly: unknown[];
    areas: { source: string };
    lostAfterDays: number;
  };
  expect(body.weekly).toHaveLength(52);
  expect(body.areas.source).toBe("directories");
  expect((await request.get("/api/v1/projects/no-such-project/stats")).status()).toBe(404);
});
