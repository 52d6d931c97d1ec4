import { describe, expect, it } from "vitest";

import { planPipelineUpdates } from "./plan-poll";
import type { PipelineReport } from "./pipeline-report";
import { checkStateOfPipeline, describePipeline, isPipelineFinished } from "./pipeline-status";
import { isWebhookSecret } from "./webhook-secret";

describe("checkStateOfPipeline", () => {
  it.each([
    ["created", "pending", false],
    ["pending", "pending", false],
    ["running", "pending", false],
    ["waiting_for_resource", "pending", false],
    ["preparing", "pending", false],
    ["scheduled", "pending", false],
    ["manual", "pending", false],
    ["success", "success", true],
    ["failed", "fail", true],
    ["canceled", "warning", true],
    ["skipped", "warning", true],
    ["some_future_status", "pending", false],
  ])("pipeline status %s is check state %s (finished: %s)", (status, state, finished) => {
    expect(checkStateOfPipeline(status)).toBe(state);
    expect(isPipelineFinished(status)).toBe(finished);
  });
});

describe("describePipeline", () => {
  it.each([
    [{ pipelineId: 7, status: "running", durationSeconds: null }, "GitLab pipeline #7: running"],
    [{ pipelineId: 7, status: "success", durationSeconds: 42 }, "GitLab pipeline #7: success in 42 s"],
    [{ pipelineId: 7, status: "failed", durationSeconds: 852 }, "GitLab pipeline #7: failed in 14 min 12 s"],
    [
      { pipelineId: 7, status: "waiting_for_resource", durationSeconds: 7300 },
      "GitLab pipeline #7: waiting for resource in 2 h 1 min",
    ],
  ])("%o reads %s", (pipeline, text) => {
    expect(describePipeline(pipeline)).toBe(text);
  });
});

describe("planPipelineUpdates", () => {
  const report = (
    pipelineId: number,
    status: string,
    durationSeconds: number | null = null,
  ): PipelineReport => ({
    pipelineId,
    ref: "patchwatch/x",
    sha: null,
    status,
    webUrl: null,
    durationSeconds,
  });

  it("writes new and changed pipelines, oldest first, and asks for the duration of finished ones", () => {
    const plan = planPipelineUpdates(
      [report(12, "success"), report(11, "running"), report(10, "failed", 30)],
      new Map([[11, "running"]]),
    );
    expect(plan.map((p) => [p.report.pipelineId, p.needsDetail])).toEqual([
      [10, false],
      [12, true],
    ]);
  });
});

describe("isWebhookSecret", () => {
  it.each([
    ["s3cret", "s3cret", true],
    ["s3cret ", "s3cret", false],
    ["", "s3cret", false],
    [null, "s3cret", false],
    ["s3cret", undefined, false],
    ["", "", false],
  ])("sent %j against configured %j: %s", (sent, configured, expected) => {
    expect(isWebhookSecret(sent, configured)).toBe(expected);
  });
});
