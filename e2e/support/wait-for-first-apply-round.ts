import type { FullConfig } from "@playwright/test";

/**
 * Runs after the server is up (Playwright starts the webServer before the global setup):
 * waits until the applier has finished its first round over the sample on the `ltp`
 * stand-in tree (serve-with-sample-upstream.ts). Until then it writes a result row for one
 * series after another, which a test that records one itself (cli.spec.ts plays the
 * applier) could find overwritten.
 */
const TIMEOUT_MS = 10 * 60_000;

export default async function waitForFirstApplyRound(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  const deadline = Date.now() + TIMEOUT_MS;
  let seen = "no answer";
  while (Date.now() < deadline) {
    try {
      const health = (await (await fetch(`${baseURL}/api/health`)).json()) as {
        applier?: { project: string; lastRunAt: string | null; lastError: string | null }[];
      };
      const ltp = health.applier?.find((a) => a.project === "ltp");
      if (ltp?.lastRunAt) return;
      seen = JSON.stringify(ltp ?? null);
    } catch (error) {
      seen = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error(
    `the applier did not finish a round on ltp in ${TIMEOUT_MS / 60_000} minutes (last seen: ${seen})`,
  );
}
