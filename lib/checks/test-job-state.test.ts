import { describe, expect, it } from "vitest";

import { checkStateOf, checkStateOfJob } from "./test-job-state";

describe("test job states", () => {
  it.each([
    ["passed", "success"],
    ["failed", "fail"],
    ["error", "error"],
  ] as const)("a job %s is a result %s", (outcome, state) => {
    expect(checkStateOf(outcome)).toBe(state);
    expect(checkStateOfJob(outcome)).toBe(state);
  });

  it("a queued or running job has no result yet", () => {
    expect(checkStateOfJob("queued")).toBeNull();
    expect(checkStateOfJob("running")).toBeNull();
  });
});
