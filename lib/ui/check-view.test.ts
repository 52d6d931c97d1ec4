import { describe, expect, it } from "vitest";

import {
  checksOverview,
  checkState,
  failsOnMasterToo,
  formatDuration,
  linkableUrl,
  type TestJobSummary,
  untestedTests,
} from "./check-view";

const job = (testName: string, state: string, tester: string | null = null, id = 1n): TestJobSummary => ({
  id,
  testName,
  state,
  tester,
  createdAt: new Date("2026-03-01T10:00:00Z"),
});

describe("check states as people read them", () => {
  it.each([
    ["success", "success"],
    ["passed", "success"],
    ["FAIL", "fail"],
    ["failed", "fail"],
    ["error", "error"],
    ["pending", "pending"],
    ["running", "pending"],
    ["warning", "warning"],
    ["something new", "warning"],
  ])("%s is %s", (word, state) => expect(checkState(word)).toBe(state));

  it("a failure is the master's too only when the base fails the same way", () => {
    expect(failsOnMasterToo("fail", "fail")).toBe(true);
    expect(failsOnMasterToo("fail", "success")).toBe(false);
    expect(failsOnMasterToo("fail", null)).toBe(false);
    expect(failsOnMasterToo("error", "fail")).toBe(false);
    expect(failsOnMasterToo("success", "fail")).toBe(false);
  });
});

describe("links a check reported", () => {
  it.each([
    ["https://ci.example.org/job/1", "https://ci.example.org/job/1"],
    ["http://ci.example.org/a b", "http://ci.example.org/a%20b"],
    ["javascript:alert(1)", null],
    [" JaVaScRiPt:alert(1)", null],
    ["data:text/html,<script>x</script>", null],
    ["/relative/path", null],
    ["ftp://example.org/log", null],
    ["", null],
    [null, null],
  ])("%s becomes %s", (url, expected) => expect(linkableUrl(url)).toBe(expected));
});

describe("durations", () => {
  it.each([
    [null, null],
    [850, "850 ms"],
    [42_000, "42 s"],
    [185_000, "3 min 5 s"],
    [7_440_000, "2 h 4 min"],
    [-1, null],
  ])("%s ms reads %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
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
