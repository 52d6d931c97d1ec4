import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadProjects } from "../../config/projects-file";
import { fixtures, importFiles } from "../../flows/ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { findSeriesOfMessage } from "../../db/series/find-series-of-message";
import { getPatchDiff } from "../../db/series/get-patch-diff";
import { getSeriesPage } from "./series-page";
import { getVersionPatches } from "../../db/series/get-version-patches";

// The series page on the LTP archive, threads checked by hand against the mails.
let t: TestDatabase;
const projects = loadProjects(`${__dirname}/../../../projects.json`).projects;
const lchown = (v: number, hash: string, i = 0) =>
  `2025${v === 6 ? "0910" : "0829"}-conversions-lchown-v${v}-${i}-${hash}@suse.com`;
const v6 = (i = 0) => lchown(6, "a133444cdb6a", i);
const v5 = lchown(5, "7c3f25cd1de4");

beforeAll(async () => {
  t = await createTestDatabase();
  await importFiles(t.db, [fixtures.ltp], projects, "ltp");
}, 300_000);
afterAll(async () => t.drop());

describe("the series page loader", () => {
  it("lchown v6: a 4-patch series with its cover letter, patches in order, trailers with their origin", async () => {
    const s = (await getSeriesPage(t.db, "ltp", v6()))!;
    expect(s).toMatchObject({
      title: "syscalls: lchown: Convert to new API",
      version: 6,
      total: 4,
      received: 4,
      complete: true,
      reviewed: false,
      reviewedPatches: 3,
      obsoletedBy: null,
      baseCommit: "603e77220144d7bcbf9f818c6b821a56aa4d4a4f",
      author: { name: "Ricardo B. Marlière", email: "rbm@suse.com" },
      apply: null,
      checks: { contexts: [], jobs: [] },
    });
    expect(s.cover).toMatchObject({ msgid: v6(), role: "cover" });
    expect(s.cover!.body).toContain("Changes in v6:");
    expect(s.patches.map((p) => [p.index, p.msgid, p.title, p.reviewed])).toEqual([
      [1, v6(1), "lib: Add SAFE_LCHOWN", true],
      [2, v6(2), "syscalls: lchown01: Convert to new API", true],
      [3, v6(3), "syscalls: lchown02: Convert to new API", true],
      [4, v6(4), "syscalls: lchown03: Merge into lchown02", false],
    ]);
    const p1 = s.patches[0]!;
    expect(p1.diff).toMatch(/^diff --git a\/include\/safe_macros_fn.h/);
    expect([p1.additions, p1.deletions, p1.files.length]).toEqual([25, 0, 3]);
    expect(p1.commitMessage).toContain("Signed-off-by: Ricardo B. Marlière <rbm@suse.com>");
    expect(p1.reason).toBe(`patch 1/4 of series ${v6()}`);
    expect(p1.trailers.map((x) => `${x.kind}: ${x.name} ${x.origin}`)).toEqual([
      "Reviewed-by: Andrea Cervesato in_patch",
      "Reviewed-by: Li Wang in_patch",
      "Reviewed-by: Cyril Hrubis in_patch",
      "Signed-off-by: Ricardo B. Marlière in_patch",
    ]);
    expect(p1.trailers[0]).toMatchObject({ fromMsgid: v6(1), senderMismatch: false, carriedFrom: null });
  });

  it("lchown v6: the one reply is placed under patch 4, and every version of the topic is listed", async () => {
    const s = (await getSeriesPage(t.db, "ltp", v6()))!;
    expect(s.thread).toEqual([
      expect.objectContaining({
        msgid: "aMKcqbP1V8eFEi3V@yuki.lan",
        parentMsgid: v6(4),
        depth: 0,
        about: { kind: "patch", index: 4 },
        role: "reply",
        author: { name: "Cyril Hrubis", email: "chrubis@suse.cz" },
      }),
    ]);
    expect(s.thread[0]!.body).toContain("Patchset pushed, thanks!");
    expect(s.revisions.map((r) => [r.version, r.current, r.obsolete])).toEqual([
      [2, false, true],
      [3, false, true],
      [4, false, true],
      [5, false, true],
      [6, true, false],
    ]);
    expect(s.revisions[4]!.links.map((l) => l.olderMsgid)).toContain(v5);
  });

  it("an obsolete version names the newer one with its version", async () => {
    const s = (await getSeriesPage(t.db, "ltp", v5))!;
    expect(s.obsoletedBy).toEqual({ headMsgid: v6(), version: 6 });
  });

  it("autotools v2: a review sent to the cover letter counts for every patch, from the cover reply", async () => {
    const s = (await getSeriesPage(t.db, "ltp", "20250808110102.454689-1-pvorel@suse.cz"))!;
    expect(s.reviewed).toBe(true);
    for (const p of s.patches)
      expect(
        p.trailers.some(
          (x) => x.kind === "Reviewed-by" && x.name === "Li Wang" && x.origin === "reply_to_cover",
        ),
      ).toBe(true);
    expect(s.thread.some((m) => m.about?.kind === "cover")).toBe(true);
  });

  it("open_tree_attr v3: a review carried from v2 says which version it came from", async () => {
    const s = (await getSeriesPage(t.db, "ltp", "20250917-open_tree_attr-v3-0-d78d4150b662@suse.com"))!;
    const carried = s.patches[0]!.trailers.find((x) => x.origin === "carried")!;
    expect(carried).toMatchObject({
      name: "Petr Vorel",
      carriedFrom: "20250902-open_tree_attr-v2-1-b23d2585986d@suse.com",
      carriedFromVersion: 2,
    });
  });

  it("a trailer sent by someone other than the person it names is flagged with its sender", async () => {
    const s = (await getSeriesPage(t.db, "ltp", "20250814152659.1368713-1-florian.schmaus@codasip.com"))!;
    const flagged = s.patches.flatMap((p) => p.trailers).filter((x) => x.senderMismatch);
    expect(flagged.map((x) => `${x.kind}: ${x.name}`)).toEqual(["Suggested-by: Pedro Falcato"]);
    expect(flagged[0]!.fromName).not.toBe("Pedro Falcato");
  });

  it("Remove runltp v2: 22 replies in thread order, each under the patch or cover it discusses", async () => {
    const s = (await getSeriesPage(t.db, "ltp", "20260205121540.329921-1-pvorel@suse.cz"))!;
    expect(s.thread).toHaveLength(s.replyCount);
    const seen = new Set<string>();
    for (const m of s.thread) {
      // A reply comes after the message it answers when that one is a reply too.
      if (m.depth > 0) expect(seen.has(m.parentMsgid!)).toBe(true);
      seen.add(m.msgid);
    }
  });

  it("an unknown Message-ID, or a patch that is not a head, gives null; the patch leads to its series", async () => {
    expect(await getSeriesPage(t.db, "ltp", "no-such-id@example.org")).toBeNull();
    expect(await getSeriesPage(t.db, "qemu", v6())).toBeNull();
    expect(await getSeriesPage(t.db, "ltp", v6(2))).toBeNull();
    expect(await findSeriesOfMessage(t.db, "ltp", v6(2))).toEqual({ headMsgid: v6() });
    expect(await findSeriesOfMessage(t.db, "ltp", "aMKcqbP1V8eFEi3V@yuki.lan")).toEqual({ headMsgid: v6() });
    expect(await findSeriesOfMessage(t.db, "ltp", "no-such-id@example.org")).toBeNull();
  });

  it("the patches of two versions load in one call, and one patch's diff by index", async () => {
    const versions = await getVersionPatches(t.db, "ltp", [v6(), v5, "no-such-id@example.org"]);
    expect(versions.map((v) => [v.version, v.patches.map((p) => p.index)]).sort()).toEqual([
      [5, [1, 2, 3, 4]],
      [6, [1, 2, 3, 4]],
    ]);
    expect(await getPatchDiff(t.db, "ltp", v6(), 1)).toMatch(/^diff --git/);
    expect(await getPatchDiff(t.db, "ltp", v6(), 9)).toBeNull();
  });
});
