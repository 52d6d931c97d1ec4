import { describe, expect, it } from "vitest";

import { planInlineFiles } from "./diff-budget";

describe("which files a series page renders inline", () => {
  it.each([
    ["everything, when it all fits", [[10, 20], [30]], 100, [[true, true], [true]]],
    [
      "files in order until the budget is spent, then none that do not fit",
      [[60, 50], [30]],
      100,
      [[true, false], [true]],
    ],
    ["no file bigger than the whole budget", [[10_000]], 2500, [[false]]],
    ["nothing of a series without diffs", [[], []], 100, [[], []]],
  ])("%s", (_, sizes, budget, plan) => {
    expect(planInlineFiles(sizes, budget)).toEqual(plan);
  });
});
