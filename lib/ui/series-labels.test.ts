import { describe, expect, it } from "vitest";

import { reasonHere, trailerOrigin } from "./series-labels";

const head = "20250808110102.454689-1-pvorel@suse.cz";

describe("labels on a series page", () => {
  it.each([
    [`patch 2/3 of series ${head}`, "patch 2/3 of this series"],
    [`reply to patch 1/3 of ${head}`, "reply to patch 1/3 of this series"],
    [
      `reply to the cover letter of ${head}, below x@y`,
      "reply to the cover letter of this series, below x@y",
    ],
    ["reply to a@b, which is not in the archive", "reply to a@b, which is not in the archive"],
  ])("reason %s reads %s", (reason, label) => {
    expect(reasonHere(reason, head)).toBe(label);
  });

  it.each([
    ["in_patch", null, "in patch"],
    ["reply_to_patch", null, "from reply"],
    ["reply_to_cover", null, "from cover reply"],
    ["carried", 5, "carried from v5"],
    ["carried", null, "carried from an older version"],
  ] as const)("a trailer of origin %s (%s) reads %s", (origin, version, label) => {
    expect(trailerOrigin(origin, version)).toBe(label);
  });
});
