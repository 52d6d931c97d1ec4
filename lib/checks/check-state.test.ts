import { describe, expect, it } from "vitest";

import { checkState, failsOnMasterToo } from "./check-state";

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
