import { expect, test } from "@playwright/test";

test("the home page lists the projects with the imported sample archive's series", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Projects" })).toBeVisible();
  const ltp = page.locator('tr[data-project="ltp"]');
  await expect(ltp.getByRole("rowheader")).toContainText("Linux Test Project");
  const count = Number(await page.getByTestId("series-count-ltp").innerText());
  // The LTP slice holds 711 patch mails (66 cover letters): a few hundred series.
  expect(count).toBeGreaterThan(200);
  expect(count).toBeLessThan(711);
  await expect(page.locator('tr[data-project="qemu"]')).toBeVisible();
});
