import { describe, expect, it } from "vitest";

import { versionWindow } from "./version-window";

describe("the versions a series page lists", () => {
  it.each([
    ["all of a short history", 5, 2, [0, 5]],
    ["those around the current one", 400, 200, [194, 206]],
    ["the oldest ones, for the first version", 400, 0, [0, 12]],
    ["the newest ones, for the latest version", 400, 399, [388, 400]],
  ] as const)("%s", (_, count, at, window) => {
    expect(versionWindow(count, at)).toEqual(window);
  });
});
