import { describe, expect, it } from "vitest";

import {
  commitMessageIds,
  matchPatches,
  seriesMergeState,
  type CommitToMatch,
  type PatchToMatch,
} from "./merge-match";

// A commit message of the LTP tree (linux-test-project/ltp 695827725f4f), trailers as written.
const LTP_COMMIT = `test_macros*.c: Simplify with macros macros

Use similar macros as is used in test_macros02.c in other tests
to reduce duplicity (and slightly degrease readability).

Link: https://lore.kernel.org/ltp/20260811155202.1744316-5-pvorel@suse.cz/
Reviewed-by: Andrea Cervesato <andrea.cervesato@suse.com>
Signed-off-by: Petr Vorel <pvorel@suse.cz>`;

describe("commitMessageIds", () => {
  it("reads lore, patch.msgid.link and Message-Id trailers, and ignores links without an id", () => {
    expect(commitMessageIds(LTP_COMMIT)).toEqual(["20260811155202.1744316-5-pvorel@suse.cz"]);
    expect(
      commitMessageIds(
        [
          "Link: https://matrix.tencent.com/en/2026/08/06/sctphantom-CVE-2026-64564",
          "Link: https://patch.msgid.link/20250101.1-1-a@b.org",
          "link: https://lore.kernel.org/r/20250101.2-1-a%40b.org/T/#u",
          "Message-ID: <20250101.3-1-a@b.org>",
          "Message-Id: <20250101.3-1-a@b.org>",
        ].join("\n"),
      ),
    ).toEqual(["20250101.1-1-a@b.org", "20250101.2-1-a@b.org", "20250101.3-1-a@b.org"]);
  });
});

const posted = new Date("2026-02-03T12:50:29Z");
const patch = (over: Partial<PatchToMatch>): PatchToMatch => ({
  key: "1",
  msgid: "20260203125029.15413-2-mdoucha@suse.cz",
  patchId: "aa".repeat(20),
  title: "openposix/aio_cancel: Add helper functions for setup and cleanup",
  authorEmail: "mdoucha@suse.cz",
  authorName: "Martin Doucha",
  postedAt: posted,
  ...over,
});
const commit = (over: Partial<CommitToMatch>): CommitToMatch => ({
  sha: "c".repeat(40),
  patchId: null,
  subject: "Something else",
  authorEmail: "other@example.org",
  authorName: "Other",
  committedAt: new Date("2026-02-10T00:00:00Z"),
  msgids: [],
  ...over,
});

describe("matchPatches", () => {
  it("takes patch-id before the trailer before the subject, and the earliest commit", () => {
    const commits = [
      commit({
        sha: "3".repeat(40),
        subject: "openposix/aio_cancel: Add helper functions for setup and cleanup.",
        authorEmail: "MDOUCHA@suse.cz",
      }),
      commit({ sha: "2".repeat(40), msgids: ["20260203125029.15413-2-mdoucha@suse.cz"] }),
      commit({
        sha: "1".repeat(40),
        patchId: "aa".repeat(20),
        committedAt: new Date("2026-03-01T00:00:00Z"),
      }),
      commit({
        sha: "0".repeat(40),
        patchId: "aa".repeat(20),
        committedAt: new Date("2026-02-20T00:00:00Z"),
      }),
    ];
    expect(matchPatches([patch({})], commits).get("1")).toMatchObject({
      sha: "0".repeat(40),
      how: "patch-id",
    });
    expect(matchPatches([patch({})], commits, ["message-id", "subject"]).get("1")?.how).toBe("message-id");
    expect(matchPatches([patch({})], commits, ["subject"]).get("1")).toMatchObject({
      sha: "3".repeat(40),
      how: "subject",
    });
  });

  it("refuses a commit made before the patch was posted, and a subject by someone else", () => {
    const early = commit({ patchId: "aa".repeat(20), committedAt: new Date("2025-01-01T00:00:00Z") });
    expect(matchPatches([patch({})], [early]).size).toBe(0);
    const stranger = commit({ subject: "openposix/aio_cancel: Add helper functions for setup and cleanup" });
    expect(matchPatches([patch({})], [stranger]).size).toBe(0);
    // A DMARC-munged author (`git am` of the list's copy) is the same person.
    const munged = commit({
      ...stranger,
      authorName: "Martin Doucha via ltp",
      authorEmail: "ltp@lists.linux.it",
    });
    expect(matchPatches([patch({})], [munged]).get("1")?.how).toBe("subject");
  });
});

describe("seriesMergeState", () => {
  it("is not merged while fewer than half of its patches are", () => {
    const match = { sha: "1".repeat(40), how: "patch-id" as const, at: new Date("2026-03-02T00:00:00Z") };
    expect(
      seriesMergeState([
        { index: 1, title: "a", match },
        { index: 2, title: "b", match: null },
        { index: 3, title: "c", match: null },
      ]),
    ).toBeNull();
    expect(
      seriesMergeState([
        { index: 1, title: "a", match },
        { index: 2, title: "b", match: null },
      ])?.note,
    ).toBe('1 of 2 patches not found upstream (squashed into another commit, reworded or dropped): 2/2 "b"');
  });

  it("is merged when most patches are, at the last commit, and names the patches not found", () => {
    const at = (d: string) => new Date(d);
    expect(seriesMergeState([{ index: 1, title: "a", match: null }])).toBeNull();
    const state = seriesMergeState([
      { index: 2, title: "second", match: null },
      {
        index: 1,
        title: "first",
        match: { sha: "1".repeat(40), how: "subject", at: at("2026-03-02T00:00:00Z") },
      },
      {
        index: 3,
        title: "third",
        match: { sha: "2".repeat(40), how: "patch-id", at: at("2026-03-05T00:00:00Z") },
      },
    ]);
    expect(state).toEqual({
      mergedAt: at("2026-03-05T00:00:00Z"),
      commits: ["1".repeat(40), "2".repeat(40)],
      note: '1 of 3 patches not found upstream (squashed into another commit, reworded or dropped): 2/3 "second"',
    });
  });
});
