import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadProjects, type ProjectConfig } from "../../config/projects-file";
import type { MessageHints, ParseResult } from "../../mail/types";
import { openMessageSource } from "../../mbox/open-source";
import { hintMsgids } from "../../series/closure";
import { compareStrings } from "../../series/order";
import { shuffled } from "../../series/test-support/msg";
import type { Db } from "../../db/client";
import { storeRawMessages } from "../../db/ingest/store-raw";
import { writeParsed } from "../../db/ingest/write-parsed";
import { syncProjects } from "../../db/projects/sync-projects";
import { derivedState, stateDifferences, type DerivedState } from "../../db/test-support/derived-state";
import { prismaForTests } from "../../db/test-support/prisma-for-tests";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { inlineParser } from "./parse-pool";
import { toParsedRaw } from "./parse-stored-messages";
import { rebuildProjectSeries } from "./rebuild-project-series";
import { fixtures, importFiles, patchewProjects, truncateAll } from "./test-support/import-helpers";
import { updateProjectSeries } from "./update-project-series";

// Incremental assembly must leave exactly what a full rebuild leaves. The LTP archive
// and patchew's test mails are written a few messages at a time, in archive order and in
// random orders, with updateProjectSeries after each chunk; the result is compared row
// by row with a full import (same storage order) and with a rebuild of the same database.
let reference: TestDatabase;
let t: TestDatabase;
let ltp: Mail[];
let referenceState: DerivedState;
const ltpProjects = loadProjects(`${__dirname}/../../../projects.json`).projects;

interface Mail {
  raw: Buffer;
  result: ParseResult;
}

async function readMails(files: string[]): Promise<Mail[]> {
  const raws: Buffer[] = [];
  for (const file of files) for await (const { raw } of openMessageSource(file)) raws.push(raw);
  const results = await inlineParser().parse(raws);
  return raws.map((raw, i) => ({ raw, result: results[i]! }));
}

function sizes(seed: number, max: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return 1 + ((a >>> 8) % max);
  };
}

interface FeedResult {
  chunks: number;
  closures: number[];
}

/**
 * Stores, parses (already done) and writes `mails` in chunks, never assembling, and
 * after each chunk runs updateProjectSeries for every project the chunk touched, with
 * the ids of the messages it wrote. At `checks` evenly spaced chunks (and at the end),
 * a full rebuild of the same database must change nothing.
 */
async function feed(
  db: Db,
  mails: readonly Mail[],
  projects: ProjectConfig[],
  importInto: string | undefined,
  chunkSize: () => number,
  checks: number,
): Promise<FeedResult> {
  const projectIds = await syncProjects(db, projects);
  const closures: number[] = [];
  const every = Math.max(1, Math.floor(mails.length / 25 / (checks + 1)));
  let chunks = 0;
  for (let i = 0; i < mails.length;) {
    const chunk = mails.slice(i, i + chunkSize());
    i += chunk.length;
    chunks++;
    const stored = await storeRawMessages(
      db,
      chunk.map((m) => ({ raw: m.raw, source: "test", importedInto: importInto })),
    );
    const items = stored
      .map((s, k) => ({ s, mail: chunk[k]! }))
      .filter(({ s }) => s.pending)
      .map(({ s, mail }) => toParsedRaw(s.rawId, mail.result, projects, importInto));
    const written = await writeParsed(db, items, projectIds);
    const ids = (
      await prismaForTests(db).message.findMany({
        where: { rawId: { in: stored.map((s) => s.rawId) } },
        select: { id: true },
      })
    ).map((m) => m.id);
    for (const name of written.touchedProjects) {
      const r = await updateProjectSeries(db, projectIds.get(name)!, ids);
      closures.push(r.closure);
    }
    if (checks > 0 && chunks % every === 0 && chunks / every <= checks)
      await expectRebuildChangesNothing(db, projectIds, `after chunk ${chunks}`);
  }
  await expectRebuildChangesNothing(db, projectIds, "at the end");
  return { chunks, closures };
}

async function expectRebuildChangesNothing(db: Db, projectIds: Map<string, number>, when: string) {
  for (const [name, id] of projectIds) {
    const incremental = await derivedState(db, name);
    await rebuildProjectSeries(db, id);
    const rebuilt = await derivedState(db, name);
    expect(stateDifferences(incremental, rebuilt), `${name}, ${when}`).toEqual([]);
  }
}

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

beforeAll(async () => {
  [reference, t] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  ltp = await readMails([fixtures.ltp]);
  await importFiles(reference.db, [fixtures.ltp], ltpProjects, "ltp");
  referenceState = await derivedState(reference.db, "ltp");
}, 300_000);
afterAll(async () => {
  await Promise.all([reference?.drop(), t?.drop()]);
});

describe("updateProjectSeries", () => {
  it("the LTP archive in archive order, 1 to 50 messages at a time: the same rows as one full import", async () => {
    await truncateAll(t.db);
    const r = await feed(t.db, ltp, ltpProjects, "ltp", sizes(1, 50), 2);
    console.log(
      `LTP in archive order: ${r.chunks} chunks, closure median ${median(r.closures)}, max ${Math.max(...r.closures)} messages`,
    );
    expect(referenceState.series.length).toBeGreaterThan(400);
    expect(stateDifferences(await derivedState(t.db, "ltp"), referenceState)).toEqual([]);
  });

  it.each([[1], [2], [3]])(
    "the LTP archive in random order #%i, 1 to 50 messages at a time: what a full rebuild gives",
    async (seed) => {
      await truncateAll(t.db);
      const r = await feed(t.db, shuffled(ltp, seed), ltpProjects, "ltp", sizes(seed + 10, 50), 1);
      const differences = stateDifferences(await derivedState(t.db, "ltp"), referenceState);
      console.log(
        `LTP in random order #${seed}: ${r.chunks} chunks, closure median ${median(r.closures)}, max ${Math.max(...r.closures)}; against the import in archive order: ${differences.length === 0 ? "identical" : differences.join("\n")}`,
      );
      // Storage order only breaks ties between messages with the same Date; none matter here.
      expect(differences).toEqual([]);
    },
  );

  it("hint_msgids holds every Message-ID the hints name, as written and as the migration backfills it", async () => {
    const read = async () =>
      (await t.prisma.message.findMany({ select: { msgid: true, hints: true, hintMsgids: true } })).map(
        (m) => ({
          msgid: m.msgid,
          expected: hintMsgids(m.hints as unknown as MessageHints),
          stored: [...m.hintMsgids].sort(compareStrings),
        }),
      );
    const written = await read();
    expect(written.filter((m) => m.expected.length > 0).length).toBeGreaterThan(20);
    expect(written.filter((m) => m.expected.join() !== m.stored.join())).toEqual([]);
    const migration = fs.readFileSync(
      path.resolve(__dirname, "../../../prisma/migrations/20261129010000_incremental_series/migration.sql"),
      "utf8",
    );
    const backfill = /^UPDATE "message" SET "hint_msgids"[\s\S]*?;$/m.exec(migration)?.[0];
    expect(backfill).toBeDefined();
    await t.prisma.$executeRawUnsafe(`UPDATE message SET hint_msgids = '{}'`);
    await t.prisma.$executeRawUnsafe(backfill!);
    const backfilled = await read();
    expect(backfilled.filter((m) => m.expected.join() !== m.stored.join())).toEqual([]);
  });

  it("patchew's test mails, routed to their projects, one to five at a time in random orders", async () => {
    const files = fs
      .readdirSync(fixtures.patchew)
      .filter((f) => /^\d{4}-.*\.gz$/.test(f) && !f.endsWith(".json.gz"))
      .map((f) => path.join(fixtures.patchew, f));
    const mails = await readMails(files);
    for (const seed of [1, 2, 3, 4]) {
      await truncateAll(t.db);
      const r = await feed(t.db, shuffled(mails, seed), patchewProjects(), undefined, sizes(seed, 5), 3);
      expect(r.closures.length).toBeGreaterThan(10);
    }
  });
});
