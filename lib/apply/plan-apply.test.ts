import { describe, expect, it } from "vitest";

import { planApply, workFor, type PlanContext } from "./plan-apply";
import { candidate, HEAD, latest, OLD_HEAD } from "./test-support";

const ctx: PlanContext = { head: HEAD, hasCommit: () => false };
const DEP = "d".repeat(40);

describe("workFor", () => {
  it.each([
    ["a series never applied is applied", candidate(), "apply", "new series"],
    [
      "a late or replaced patch makes it apply again",
      candidate({ latest: latest({ patchMsgids: ["p1@x"] }) }),
      "apply",
      "its patches changed",
    ],
    [
      "a Based-on: given in a reply makes it apply again",
      candidate({ basedOn: "dep@x", latest: latest() }),
      "apply",
      "the base it names changed",
    ],
    [
      "an applied series is retried when the branch head moved",
      candidate({ latest: latest({ checkedHead: OLD_HEAD, baseCommit: OLD_HEAD }) }),
      "rebase",
      "the branch head moved",
    ],
    [
      "a series that needs a rebase is retried when the head moves again",
      candidate({ latest: latest({ status: "needs-rebase", checkedHead: OLD_HEAD }) }),
      "rebase",
      "the branch head moved",
    ],
    [
      "a series waiting for its base goes once the base is applied",
      candidate({
        basedOn: "dep@x",
        basedOnTarget: { headMsgid: "dep@x", latest: { status: "applied", headCommit: DEP } },
        latest: latest({ status: "pending", baseKind: null, baseNamed: "based-on:dep@x" }),
      }),
      "apply",
      "the series it is based on was applied",
    ],
    [
      "a series on top of another is applied again when that one moved",
      candidate({
        basedOn: "dep@x",
        basedOnTarget: { headMsgid: "dep@x", latest: { status: "applied", headCommit: "e".repeat(40) } },
        latest: latest({ baseKind: "based-on", baseCommit: DEP, baseNamed: "based-on:dep@x" }),
      }),
      "apply",
      "the series it is based on was applied",
    ],
    [
      "a series waiting for a base that failed fails",
      candidate({
        basedOn: "dep@x",
        basedOnTarget: { headMsgid: "dep@x", latest: { status: "failed", headCommit: null } },
        latest: latest({ status: "pending", baseKind: null, baseNamed: "based-on:dep@x" }),
      }),
      "apply",
      "the series it is based on failed",
    ],
    [
      "a base-commit that arrived upstream makes it apply on it",
      candidate({
        baseCommit: "1234567",
        latest: latest({ baseNamed: "base-commit:1234567" }),
      }),
      "apply",
      "its base-commit arrived upstream",
    ],
  ])("%s", (_, c, mode, why) => {
    const plan = { ...ctx, hasCommit: (named: string) => named === "1234567" };
    expect(workFor(c, plan)).toEqual({ mode, why });
  });

  it.each([
    ["an applied series on the current head", candidate({ latest: latest() })],
    [
      "a failed series when the head moved (only applied ones are retried)",
      candidate({ latest: latest({ status: "failed", checkedHead: OLD_HEAD }) }),
    ],
    [
      "a series still waiting for its base",
      candidate({
        basedOn: "dep@x",
        basedOnTarget: { headMsgid: "dep@x", latest: null },
        latest: latest({ status: "pending", baseKind: null, baseNamed: "based-on:dep@x" }),
      }),
    ],
    [
      "a series on top of another when the branch head moved (it follows that one)",
      candidate({
        basedOn: "dep@x",
        basedOnTarget: { headMsgid: "dep@x", latest: { status: "applied", headCommit: DEP } },
        latest: latest({
          baseKind: "based-on",
          baseCommit: DEP,
          baseNamed: "based-on:dep@x",
          checkedHead: OLD_HEAD,
        }),
      }),
    ],
    [
      "a series whose base-commit is still missing",
      candidate({ baseCommit: "7654321", latest: latest({ baseNamed: "base-commit:7654321" }) }),
    ],
  ])("leaves alone %s", (_, c) => {
    expect(workFor(c, ctx)).toBeNull();
  });
});

describe("planApply", () => {
  it("puts a series after the series its Based-on: names, whatever the input order", () => {
    const child = candidate({
      seriesId: 2n,
      headMsgid: "child@x",
      basedOn: "parent@x",
      basedOnTarget: { headMsgid: "parent@x", latest: null },
    });
    const grandchild = candidate({
      seriesId: 3n,
      headMsgid: "grandchild@x",
      basedOn: "child@x",
      basedOnTarget: { headMsgid: "child@x", latest: null },
    });
    const parent = candidate({ seriesId: 1n, headMsgid: "parent@x" });
    const order = planApply([grandchild, child, parent], ctx).map((w) => w.candidate.headMsgid);
    expect(order).toEqual(["parent@x", "child@x", "grandchild@x"]);
  });

  it("survives a Based-on: cycle", () => {
    const a = candidate({ headMsgid: "a@x", basedOn: "b@x" });
    const b = candidate({ headMsgid: "b@x", basedOn: "a@x" });
    expect(planApply([a, b], ctx)).toHaveLength(2);
  });
});
