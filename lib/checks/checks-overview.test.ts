import { describe, expect, it } from "vitest";

import { checksOverview, type TestJobSummary, untestedTests } from "./checks-overview";

const job = (testName: string, state: string, tester: string | null = null, id = 1n): TestJobSummary => ({
  id,
  testName,
  state,
  tester,
  createdAt: new Date("2026-03-01T10:00:00Z"),
});

describe("configured tests without a report", () => {
  const applied = { status: "applied" };

  it("say what they wait for: nothing yet, the queue, a tester at work; a reported test is not listed", () => {
    const jobs = [
      job("build", "running", "tester-arm64", 7n),
      job("unit", "queued", null, 6n),
      job("build", "failed"),
    ];
    expect(
      untestedTests(["checkpatch", "build", "unit", "docs"], new Set(["checkpatch"]), jobs, applied),
    ).toEqual([
      { name: "build", status: "running", label: "running on tester-arm64", jobId: 7n },
      { name: "unit", status: "queued", label: "queued", jobId: 6n },
      { name: "docs", status: "not-tested", label: "not tested yet", jobId: null },
    ]);
  });

  it("a series that did not apply, or was not applied yet, says so instead of waiting", () => {
    expect(untestedTests(["build"], new Set(), [], { status: "failed" })[0]!.label).toBe(
      "not tested: the series does not apply",
    );
    expect(untestedTests(["build"], new Set(), [], null)[0]!.label).toBe("not tested yet: not applied");
  });

  it("the badge counts a waiting configured test as pending, never as passed", () => {
    const overview = checksOverview(
      {
        contexts: [
          {
            context: "build",
            patch: null,
            latest: { state: "success", failsOnMasterToo: false, testName: "build" },
          },
          {
            context: "style",
            patch: { index: 1 },
            latest: { state: "fail", failsOnMasterToo: false, testName: null },
          },
          {
            context: "unit",
            patch: null,
            latest: { state: "fail", failsOnMasterToo: true, testName: "unit" },
          },
        ],
        jobs: [],
      },
      ["build", "unit", "docs"],
      applied,
    );
    expect(overview.untested.map((t) => t.name)).toEqual(["docs"]);
    expect(overview.summary).toEqual({ passed: 1, failed: 2, failedOnBase: 1, pending: 1 });
  });
});
