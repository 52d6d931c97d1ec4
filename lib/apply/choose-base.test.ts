import { describe, expect, it } from "vitest";

import { chooseBase, type BaseFacts } from "./choose-base";

const HEAD = "a".repeat(40);
const BASE = "b".repeat(40);
const DEP = "d".repeat(40);
const facts = (over: Partial<BaseFacts>): BaseFacts => ({
  branch: "master",
  head: HEAD,
  baseCommit: null,
  basedOn: null,
  ...over,
});
const target = (
  status: "applied" | "failed" | "pending" | "needs-rebase" | null,
  headCommit: string | null = null,
) => ({
  msgid: "dep@x",
  target: { headMsgid: "dep@x", status, headCommit },
});

describe("chooseBase", () => {
  it("takes the branch head when the series names no base, and says so", () => {
    expect(chooseBase(facts({}))).toEqual({
      kind: "branch-head",
      commit: HEAD,
      reason: "no base named; applied on the head of master (aaaaaaaaaaaa)",
    });
  });

  it("takes a base-commit the mirror has", () => {
    const choice = chooseBase(facts({ baseCommit: { named: "bbbbbbb", resolved: BASE } }));
    expect(choice).toMatchObject({ kind: "base-commit", commit: BASE });
    expect("reason" in choice && choice.reason).toMatch(/^base-commit: bbbbbbbbbbbb named by the series/);
  });

  it("falls back to the branch head when the base-commit is not upstream, naming it", () => {
    const choice = chooseBase(facts({ baseCommit: { named: "1234567", resolved: null } }));
    expect(choice).toEqual({
      kind: "branch-head",
      commit: HEAD,
      reason:
        "base-commit: 1234567 is not in the upstream repository; applied on the head of master (aaaaaaaaaaaa)",
    });
  });

  it("applies on top of an applied Based-on series, before any base-commit", () => {
    const choice = chooseBase(
      facts({ basedOn: target("applied", DEP), baseCommit: { named: "bbbbbbb", resolved: BASE } }),
    );
    expect(choice).toMatchObject({ kind: "based-on", commit: DEP });
  });

  it("still uses a Based-on series that needs a rebase: its commits stand on their base", () => {
    expect(chooseBase(facts({ basedOn: target("needs-rebase", DEP) }))).toMatchObject({
      kind: "based-on",
      commit: DEP,
    });
  });

  it.each([
    [null, "wait"],
    ["pending", "wait"],
    ["failed", "blocked"],
  ] as const)("with the Based-on series %s, answers %s", (status, kind) => {
    expect(chooseBase(facts({ basedOn: target(status) })).kind).toBe(kind);
  });

  it("ignores a Based-on naming no known series, and says so", () => {
    const choice = chooseBase(facts({ basedOn: { msgid: "gone@x", target: null } }));
    expect(choice).toMatchObject({ kind: "branch-head", commit: HEAD });
    expect("reason" in choice && choice.reason).toMatch(/^Based-on: <gone@x> names no series known here;/);
  });
});
