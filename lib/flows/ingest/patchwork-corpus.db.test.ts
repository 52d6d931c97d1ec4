import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { parseProjectsFile } from "../../config/projects-file";
import { explainMessage } from "../../db/messages/explain-message";
import { listSeriesJson } from "../../db/series/list-series-json";
import { fixtures, importFiles, truncateAll } from "./test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";

// patchwork's parser mails, one message per file, each imported alone into a project
// named on the command line (as `patchwatch import --project` does).
let t: TestDatabase;
const projects = parseProjectsFile(JSON.stringify({ projects: [{ name: "test" }] }), "test").projects;
const file = (name: string) => path.join(fixtures.patchwork, name);

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());
beforeEach(async () => truncateAll(t.db));

describe("patchwork test mails", () => {
  it("every file imports alone without a crash and is stored", async () => {
    for (const f of fs.readdirSync(fixtures.patchwork).filter((n) => n.endsWith(".mbox"))) {
      await truncateAll(t.db);
      const [s] = await importFiles(t.db, [file(f)], projects, "test");
      expect(s, f).toMatchObject({ read: 1, stored: 1, failed: 0 });
    }
  });

  it("0001: a pull request is stored once; the second import is a duplicate, not a crash", async () => {
    await importFiles(t.db, [file("0001-git-pull-request.mbox")], projects, "test");
    const [again] = await importFiles(t.db, [file("0001-git-pull-request.mbox")], projects, "test");
    expect(again).toMatchObject({ read: 1, newRaw: 0, sameBytes: 1 });
    const m = await t.prisma.message.findFirstOrThrow();
    expect(m.kind).toBe("pull");
    expect(m.pullUrl).toBe("git://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git next");
    expect(m.diff).toBeNull();
  });

  it("0001 without --project: no project's list matches, so it is stored, not routed, and says why", async () => {
    await importFiles(t.db, [file("0001-git-pull-request.mbox")], projects);
    const m = await t.prisma.message.findFirstOrThrow({ include: { projects: true } });
    expect(m.projects).toEqual([]);
    const why = await explainMessage(t.db, m.msgid);
    expect(why?.join("\n")).toMatch(/not routed/);
  });

  it("a file without Message-ID gets a stable derived one, so importing it twice stores it once", async () => {
    await importFiles(t.db, [file("0008-git-rename.mbox")], projects, "test");
    await importFiles(t.db, [file("0008-git-rename.mbox")], projects, "test");
    const all = await t.prisma.message.findMany();
    expect(all).toHaveLength(1);
    expect(all[0]!.msgidSynthesized).toBe(true);
    const series = await listSeriesJson(t.db, "test");
    expect(series[0]).toMatchObject({ total: 11, received: 1, complete: false });
  });

  it("0014: raw UTF-8 in From and Subject is decoded, not mojibake", async () => {
    await importFiles(t.db, [file("0014-with-unencoded-utf8-headers.mbox")], projects, "test");
    const m = await t.prisma.message.findFirstOrThrow();
    expect(m.fromName).toBe("Rafał Miłecki");
  });

  it("0016: an empty subject still gives a patch and a series", async () => {
    await importFiles(t.db, [file("0016-no-subject.mbox")], projects, "test");
    const m = await t.prisma.message.findFirstOrThrow();
    expect(m.msgid).toBe("ABC@DEF");
    expect(m.kind).toBe("patch");
    expect(await listSeriesJson(t.db, "test")).toHaveLength(1);
  });

  it("0019 then 0020: the Outlook reply becomes a reply to that patch", async () => {
    await importFiles(
      t.db,
      [file("0019-multipart-patch.mbox"), file("0020-multipart-comment.mbox")],
      projects,
      "test",
    );
    const [s] = await listSeriesJson(t.db, "test");
    expect(s!.replies).toBe(1);
    const reply = await t.prisma.message.findFirstOrThrow({ where: { kind: "reply" } });
    expect(reply.body).not.toContain("<div");
  });
});
