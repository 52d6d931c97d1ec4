import { expect, test } from "@playwright/test";

// The lost series of the sample (LTP, 2025-09 to 2026-03): seen from today, most of its
// open series are long past the 14 and 30 days. LTP's tree has no MAINTAINERS, so whom to
// ping comes from the thread: the reviewers and those who replied.

interface LostRow {
  id: string;
  lost: { reason: string };
  ping: { mailto: string; inReplyTo: string };
}

test("the lost page lists lost series with why and a ping that replies in the thread", async ({
  page,
  request,
}) => {
  const api = await request.get("/api/v1/projects/ltp/lost?limit=20");
  expect(api.status()).toBe(200);
  const { items: rows } = (await api.json()) as { items: LostRow[] };
  expect(rows.length).toBeGreaterThan(0);

  await page.goto("/ltp/lost");
  await expect(page.getByRole("heading", { name: "Lost series: ltp" })).toBeVisible();
  const pings = page.getByRole("link", { name: "Send a ping" });
  await expect(pings.first()).toBeVisible();
  const mailto = (await pings.first().getAttribute("href"))!;
  expect(mailto).toBe(rows[0]!.ping.mailto);
  const url = new URL(mailto);
  expect(url.protocol).toBe("mailto:");
  // A reply in the thread of the series it names, as a mail client reads RFC 6068.
  expect(url.searchParams.get("in-reply-to")).toBe(`<${rows[0]!.ping.inReplyTo}>`);
  expect(rows[0]!.ping.inReplyTo).toBe(rows[0]!.id);
  expect(url.searchParams.get("subject")).toMatch(/^Re: /);
  expect(url.searchParams.get("body")).toMatch(/\S/);
  await page.screenshot({ path: test.info().outputPath("lost.png"), fullPage: false });

  // Whom to ping links to their review queue, which the API serves too.
  const person = page.locator('a[href^="/maintainer/"]').first();
  await expect(person).toBeVisible();
  const href = (await person.getAttribute("href"))!;
  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const email = decodeURIComponent(href.slice("/maintainer/".length));
  const queue = await request.get(`/api/v1/maintainers/${encodeURIComponent(email)}/queue`);
  expect(queue.status()).toBe(200);
});

test("a bad project or address is a clear error, not a stack trace", async ({ request }) => {
  const missing = await request.get("/api/v1/projects/no-such-project/lost");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.message).toMatch(/no-such-project/);
  const bad = await request.get(`/api/v1/maintainers/${encodeURIComponent("<script>")}/queue`);
  expect(bad.status()).toBe(400);
});

test("a series page says whom to ping: from the thread, as LTP's tree has no MAINTAINERS", async ({
  page,
}) => {
  // "[PATCH 0/3] Rewrite aio_cancel_2-1": reviewed by Cyril Hrubis and Andrea Cervesato.
  await page.goto(`/ltp/${encodeURIComponent("20260203125029.15413-1-mdoucha@suse.cz")}`);
  const section = page.getByRole("region", { name: "Maintainers and who to ping" });
  // The maintainers worker finds no MAINTAINERS in the tree (or has not looked yet).
  await expect(section.getByText(/No maintainers to show: (no MAINTAINERS file|not computed)/)).toBeVisible();
  const ping = section.getByLabel("Who to ping");
  await expect(ping).toContainText("Who to ping (from the thread)");
  await expect(ping.getByRole("link", { name: "Cyril Hrubis" })).toHaveAttribute(
    "href",
    "/maintainer/chrubis%40suse.cz",
  );
  await expect(ping).toContainText("reviewed this revision");
  await expect(ping).toContainText("ltp@lists.linux.it");
  await expect(ping).not.toContainText("mdoucha@suse.cz");
});
