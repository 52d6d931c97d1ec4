import { expect, test } from "@playwright/test";

test("GET /api/health reports the job queue and the stored messages as JSON", async ({ request }) => {
  const response = await request.get("/api/health");
  // No IMAP source is configured for the sample data, so nothing is down.
  expect(response.status()).toBe(200);
  const report = await response.json();
  expect(report.ok).toBe(true);
  expect(report.sources).toEqual([]);
  expect(report.queues).toEqual([
    expect.objectContaining({ name: "process", failed: 0 }),
    // The sample's projects name upstream trees; a fetch that fails is the applier's status, not a failed job.
    expect.objectContaining({ name: "apply", failed: 0 }),
  ]);
  expect(report.rawMessages.total).toBe(2395);
  expect(report.rawMessages.pending).toBe(0);
});
