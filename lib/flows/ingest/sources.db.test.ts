import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { fastImportMessages, initBareRepo } from "../../git/test-repo";
import { openMessageSource } from "../../mbox/open-source";
import { listSeriesJson } from "../../db/series/list-series-json";
import { fixtures, importFiles, patchewProjects, truncateAll } from "./test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";

// The same mails through every kind of source give the same series: an mbox.gz, a
// maildir, and a public-inbox v2 inbox (the way lore and its mirrors publish lists).
let t: TestDatabase;
let dir: string;
const projects = patchewProjects();
const mails: Buffer[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-sources-"));
  for (const name of [
    "0004-multiple-patch-reviewed.mbox.gz",
    "0009-obsolete-by.mbox.gz",
    "0003-single-patch-reviewed.mbox.gz",
  ]) {
    for await (const { raw } of openMessageSource(path.join(fixtures.patchew, name))) mails.push(raw);
  }
  const maildir = path.join(dir, "maildir");
  for (const sub of ["cur", "new", "tmp"]) fs.mkdirSync(path.join(maildir, sub), { recursive: true });
  // Reverse order on purpose: delivery order must not matter.
  mails
    .toReversed()
    .forEach((m, i) => fs.writeFileSync(path.join(maildir, "cur", `${1000 + i}.host:2,S`), m));
  const epoch = path.join(dir, "inbox", "git", "0.git");
  await initBareRepo(epoch);
  await fastImportMessages(epoch, mails);
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => truncateAll(t.db));

describe("message sources", () => {
  it("a maildir in reverse order and a public-inbox inbox give the same series as the mbox files", async () => {
    await importFiles(
      t.db,
      [
        "0004-multiple-patch-reviewed.mbox.gz",
        "0009-obsolete-by.mbox.gz",
        "0003-single-patch-reviewed.mbox.gz",
      ].map((n) => path.join(fixtures.patchew, n)),
      projects,
    );
    const fromMbox = await listSeriesJson(t.db, "qemu");
    expect(fromMbox.length).toBe(5);

    await truncateAll(t.db);
    await importFiles(t.db, [path.join(dir, "maildir")], projects);
    expect(await listSeriesJson(t.db, "qemu")).toEqual(fromMbox);

    await truncateAll(t.db);
    const [s] = await importFiles(t.db, [path.join(dir, "inbox")], projects);
    expect(s!.read).toBe(mails.length);
    expect(await listSeriesJson(t.db, "qemu")).toEqual(fromMbox);
  });
});
