import { expect, test } from "@playwright/test";

test("GET /api/health reports the job queue and the stored messages as JSON", async ({ request }) => {
  const response = await request.get("/api/health");
  // No IMAP source is configured for the sample data, so nothing is down.
  expect(response.status()).toBe(200);
  const report = await response.json();
  expect(report.ok).toBe(true);
  expect(report.sources).toEqual([]);
  // Every queue, none with a failed job. The sample's projects name upstream trees this
  // machine may not reach: a fetch that fails is the applier's status, not a failed job.
  expect(report.queues.map((q: { name: string }) => q.name)).toEqual([
    "process",
    "apply",
    "gitlab",
    "notify",
    "watch-upstream",
    "maintainers",
  ]);
  for (const queue of report.queues) expect(queue, queue.name).toMatchObject({ failed: 0 });
  expect(report.rawMessages.total).toBe(2395);
  expect(report.rawMessages.pending).toBe(0);
});
