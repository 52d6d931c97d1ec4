import { describe, expect, it } from "vitest";

import { decideOutcome, type OutcomeInput } from "./decide-outcome";
import { candidate, HEAD, latest, OLD_HEAD } from "./test-support";

const BASE = "b".repeat(40);
const NEW = ["2".repeat(40), "3".repeat(40)];
const input = (over: Partial<OutcomeInput>): OutcomeInput => ({
  candidate: candidate(),
  mode: "apply",
  choice: { kind: "branch-head", commit: HEAD, reason: "no base named" },
  outcome: { ok: true, commits: NEW },
  head: HEAD,
  tag: "patchwatch/s@x",
  publishProject: "demo",
  fetchUrl: null,
  ...over,
});
const conflict = {
  ok: false as const,
  failedPatch: 2,
  conflicts: ["f.c"],
  log: "CONFLICT",
  alreadyApplied: false,
};

describe("decideOutcome", () => {
  it("records an applied series with one commit per patch and sets its tag", () => {
    const action = decideOutcome(input({}));
    expect(action).toMatchObject({
      write: "insert",
      tag: "set",
      record: {
        status: "applied",
        commits: NEW,
        headCommit: NEW[1],
        tag: "patchwatch/s@x",
        checkedHead: HEAD,
        baseKind: "branch-head",
      },
    });
  });

  it("records a failure with the patch, the files and git's words, and drops an earlier tag", () => {
    const action = decideOutcome(
      input({ candidate: candidate({ latest: latest({ patchMsgids: ["p1@x"] }) }), outcome: conflict }),
    );
    expect(action).toMatchObject({
      write: "insert",
      tag: "delete",
      record: {
        status: "failed",
        failedPatch: 2,
        conflicts: ["f.c"],
        log: "CONFLICT",
        tag: null,
        commits: [],
      },
    });
  });

  it("records a refusal before git with the reason as the log", () => {
    const action = decideOutcome(
      input({ outcome: { ok: false, refused: "patch 1: touches ../x", failedPatch: 1 } }),
    );
    expect(action).toMatchObject({
      write: "insert",
      record: { status: "failed", failedPatch: 1, log: "patch 1: touches ../x" },
    });
  });

  it("records waiting once, then nothing while it still waits", () => {
    const wait = { kind: "wait" as const, reason: "Based-on: <d@x>: waiting" };
    const first = decideOutcome(
      input({ candidate: candidate({ basedOn: "d@x" }), choice: wait, outcome: null }),
    );
    expect(first).toMatchObject({
      write: "insert",
      record: { status: "pending", baseNamed: "based-on:d@x" },
    });
    const again = candidate({
      basedOn: "d@x",
      latest: latest({ status: "pending", baseNamed: "based-on:d@x" }),
    });
    expect(decideOutcome(input({ candidate: again, choice: wait, outcome: null }))).toEqual({
      write: "nothing",
    });
  });

  describe("after the branch head moved", () => {
    const applied = candidate({ latest: latest({ baseCommit: OLD_HEAD, checkedHead: OLD_HEAD }) });

    it("a series on the branch head that applies on the new head moves there, with new commits", () => {
      const action = decideOutcome(input({ candidate: applied, mode: "rebase" }));
      expect(action).toMatchObject({
        write: "insert",
        tag: "set",
        record: { status: "applied", baseCommit: HEAD, commits: NEW },
      });
    });

    it("a series that no longer applies needs a rebase, keeps its commits and tag, and names the range", () => {
      const action = decideOutcome(
        input({ candidate: applied, mode: "rebase", outcome: conflict, conflictCommits: ["9".repeat(40)] }),
      );
      expect(action).toMatchObject({
        write: "insert",
        tag: "keep",
        record: {
          status: "needs-rebase",
          baseCommit: OLD_HEAD,
          commits: applied.latest!.commits,
          tag: applied.latest!.tag,
          failedPatch: 2,
          conflicts: ["f.c"],
          conflictRange: `${OLD_HEAD}..${HEAD}`,
          conflictCommits: ["9".repeat(40)],
          checkedHead: HEAD,
        },
      });
    });

    it("a series whose changes are already upstream is left as it is", () => {
      const merged = { ...conflict, alreadyApplied: true };
      expect(decideOutcome(input({ candidate: applied, mode: "rebase", outcome: merged }))).toEqual({
        write: "checked",
        head: HEAD,
      });
    });

    it("a series on its own base-commit keeps its commits; applying on the new head is only a check", () => {
      const pinned = candidate({
        baseCommit: "bbbbbbb",
        latest: latest({ baseKind: "base-commit", baseCommit: BASE, checkedHead: OLD_HEAD }),
      });
      const choice = { kind: "base-commit" as const, commit: BASE, reason: "base-commit" };
      expect(decideOutcome(input({ candidate: pinned, mode: "rebase", choice }))).toEqual({
        write: "checked",
        head: HEAD,
      });
      const failing = decideOutcome(input({ candidate: pinned, mode: "rebase", choice, outcome: conflict }));
      expect(failing).toMatchObject({
        record: { status: "needs-rebase", baseCommit: BASE, conflictRange: `${BASE}..${HEAD}` },
      });
      const back = candidate({ ...pinned, latest: { ...pinned.latest!, status: "needs-rebase" } });
      expect(decideOutcome(input({ candidate: back, mode: "rebase", choice }))).toMatchObject({
        write: "insert",
        tag: "keep",
        record: { status: "applied", baseCommit: BASE, commits: pinned.latest!.commits, checkedHead: HEAD },
      });
    });
  });
});
