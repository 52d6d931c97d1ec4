import { expect, test } from "@playwright/test";

// What a maintainer does every day, on the sample archive (ltp@lists.linux.it): browse
// the list, open a series, read a diff, move between versions, search, open a message
// by its Message-ID, and follow the project in a feed reader or a script.
const LCHOWN_V6 = "20250910-conversions-lchown-v6-0-a133444cdb6a@suse.com";
const LCHOWN_TITLE = "syscalls: lchown: Convert to new API";

test("from the projects to a series through the list", async ({ page }, info) => {
  await page.goto("/");
  await page.locator('tr[data-project="ltp"]').getByRole("link").first().click();
  await expect(page).toHaveURL(/\/ltp/);
  await expect(page.getByRole("heading", { name: "Linux Test Project" })).toBeVisible();
  expect(await page.locator('a[href^="/ltp/"]').count()).toBeGreaterThanOrEqual(50);
  await page.screenshot({ path: info.outputPath("series-list.png"), fullPage: false });
  // j/k move between rows; Enter opens the focused one.
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ltp\/.+%40/);
  await expect(page.getByRole("heading").first()).toBeVisible();
});

test("a series page shows the cover letter, patches with their trailers, and a diff that folds", async ({
  page,
}, info) => {
  await page.goto(`/ltp/${encodeURIComponent(LCHOWN_V6)}`);
  await expect(page.getByRole("heading", { name: LCHOWN_TITLE }).first()).toBeVisible();
  await expect(page.getByText("Reviewed-by").first()).toBeVisible();
  const file = page.locator("details").filter({ hasText: "include/safe_macros_fn.h" }).first();
  await expect(file).toHaveAttribute("open", "");
  await file.locator("summary").click();
  await expect(file).not.toHaveAttribute("open", "");
  await file.locator("summary").click();
  await expect(file).toHaveAttribute("open", "");
  await page.screenshot({ path: info.outputPath("series-page.png"), fullPage: false });
});

test("the files a big series leaves out of its page load as the reader scrolls to them", async ({ page }) => {
  // 6 patches removing old tools: thousands of diff lines, of which the page renders the
  // first few hundred; the rest comes file by file.
  await page.goto(`/ltp/${encodeURIComponent("20260205121540.329921-1-pvorel@suse.cz")}`);
  const later = page.locator("details").filter({ hasText: "they load as you scroll here" }).last();
  await later.scrollIntoViewIfNeeded();
  await expect(later).toHaveAttribute("open", "");
  await expect(later.locator(".b > div").first()).toBeVisible();
});

test("the version history links every version, and an interdiff compares two", async ({ page }) => {
  await page.goto(`/ltp/${encodeURIComponent(LCHOWN_V6)}`);
  const versions = page.getByRole("region", { name: "Versions" });
  await versions.getByRole("link", { name: "v5" }).click();
  await expect(page).toHaveURL(/lchown-v5/);
  await expect(page.getByText("obsolete").first()).toBeVisible();
  await page.goto(`/ltp/${encodeURIComponent(LCHOWN_V6)}`);
  await page
    .getByRole("region", { name: "Versions" })
    .getByRole("link", { name: "interdiff" })
    .last()
    .click();
  await expect(page).toHaveURL(/interdiff\?against=/);
  await expect(page.getByText(/changed|unchanged/).first()).toBeVisible();
});

test("search combines operators, and a bad query says what is wrong", async ({ page }) => {
  await page.goto(`/ltp?q=${encodeURIComponent("lchown from:rbm@suse.com -is:obsolete")}`);
  const rows = page.getByRole("link", { name: LCHOWN_TITLE });
  await expect(rows).toHaveCount(1);
  await page.goto(`/ltp?q=${encodeURIComponent("lchown is:obsolete version:>3")}`);
  await expect(page.getByRole("link", { name: LCHOWN_TITLE })).toHaveCount(2);
  await page.goto(`/ltp?q=${encodeURIComponent('is:bogus "unclosed')}`);
  await expect(page.getByText(/invalid search/)).toBeVisible();
  await expect(page.getByRole("link", { name: /search help/i }).first()).toBeVisible();
});

test("a message opens by its Message-ID, with or without angle brackets, and says what it is", async ({
  page,
}) => {
  await page.goto(`/m/${encodeURIComponent(`<${LCHOWN_V6}>`)}`);
  await expect(page.getByText(LCHOWN_TITLE).first()).toBeVisible();
  await expect(page.getByText(/cover/i).first()).toBeVisible();
  const missing = await page.goto(`/m/${encodeURIComponent("no-such-message@example.org")}`);
  expect(missing?.status()).toBe(404);
});

test("the Atom feed and the OpenAPI document are served", async ({ request }) => {
  const feed = await request.get("/ltp/atom.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  expect(xml.match(/<entry>/g)?.length).toBe(50);
  const openapi = await request.get("/api/v1/openapi.json");
  const doc = await openapi.json();
  expect(doc.openapi).toMatch(/^3\.1/);
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/series", "/api/v1/projects"]));
  const series = await request.get(`/api/v1/series?project=ltp&q=${encodeURIComponent("lchown")}`);
  expect((await series.json()).items.length).toBeGreaterThan(0);
});
