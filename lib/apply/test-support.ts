import type { ApplyCandidate, LatestApply } from "./types";

/** Test support: a candidate series and a latest result with everything at its plain default. */
export const HEAD = "a".repeat(40);
export const OLD_HEAD = "0".repeat(40);

export function latest(over: Partial<LatestApply> = {}): LatestApply {
  return {
    id: 1n,
    status: "applied",
    baseKind: "branch-head",
    baseNamed: null,
    baseCommit: HEAD,
    baseReason: "no base named; applied on the head of master",
    headCommit: "c".repeat(40),
    checkedHead: HEAD,
    patchMsgids: ["p1@x", "p2@x"],
    commits: ["1".repeat(40), "c".repeat(40)],
    tag: "patchwatch/s@x",
    publishProject: "demo",
    fetchUrl: null,
    ...over,
  };
}

export function candidate(over: Partial<ApplyCandidate> = {}): ApplyCandidate {
  return {
    seriesId: 1n,
    project: "demo",
    headMsgid: "s@x",
    version: 1,
    baseCommit: null,
    basedOn: null,
    basedOnTarget: null,
    patchMsgids: ["p1@x", "p2@x"],
    largestPatchBytes: 1000,
    totalPatchBytes: 2000,
    latest: null,
    ...over,
  };
}
