import { expect, type Page } from "@playwright/test";

/**
 * Starts watching a page for anything hostile content made run: a dialog, the global a
 * payload sets, or markup that could run script. The returned check fails the test if so.
 */
export function watchForScripts(page: Page): () => Promise<void> {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator("[onerror], [onload], iframe, a[href^='javascript:']").count()).toBe(0);
  };
}
