import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadProjects } from "../../config/projects-file";
import { reprocess } from "./reprocess";
import { inlineParser } from "./parse-pool";
import { listSeriesJson, type SeriesJson } from "../../db/series/list-series-json";
import { fixtures, importFiles } from "./test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";

// Six months of a real list (ltp@lists.linux.it), imported as `npm start` imports it.
let t: TestDatabase;
let series: SeriesJson[];
const projects = loadProjects(`${__dirname}/../../../projects.json`).projects;

beforeAll(async () => {
  t = await createTestDatabase();
  await importFiles(t.db, [fixtures.ltp], projects, "ltp");
  series = await listSeriesJson(t.db, "ltp");
}, 300_000);
afterAll(async () => t.drop());

const find = (id: string) => series.find((s) => s.id === id);

describe("the LTP archive", () => {
  it("stores every one of its 2,395 messages, with no parse failure", async () => {
    expect(await t.prisma.rawMessage.count()).toBe(2395);
    expect(await t.prisma.message.count()).toBe(2395);
    expect(await t.prisma.rawMessage.count({ where: { state: { not: "processed" } } })).toBe(0);
    expect(await t.prisma.projectMessage.count({ where: { project: { name: "ltp" } } })).toBe(2395);
  });

  it("turns its 711 patch mails into series, each patch in exactly one series", async () => {
    const complete = series.filter((s) => s.complete).length;
    const linked = series.filter((s) => s.obsoletedBy).length;
    const reviewed = series.filter((s) => s.reviewed).length;
    console.log(
      `LTP: ${series.length} series, ${complete} complete, ${linked} obsoleted by a newer revision, ${reviewed} reviewed, ${series.filter((s) => s.cover).length} with a cover letter`,
    );
    const patchIds = series.flatMap((s) => s.patches.map((p) => p.msgid));
    expect(new Set(patchIds).size).toBe(patchIds.length);
    expect(series.length).toBeGreaterThan(300);
    expect(series.length).toBeLessThan(711);
    expect(complete / series.length).toBeGreaterThan(0.8);
    expect(series.filter((s) => s.cover).length).toBeGreaterThanOrEqual(60);
    expect(linked).toBeGreaterThan(100);
    expect(reviewed).toBeGreaterThan(50);
  });

  it("classifies every message, and `Re:` mails are replies", async () => {
    const unclassified = await t.prisma.projectMessage.count({ where: { role: null } });
    expect(unclassified).toBe(0);
    const replyPatches = await t.prisma.message.count({
      where: { kind: "patch", subject: { startsWith: "Re:" } },
    });
    expect(replyPatches).toBe(0);
  });

  it("importing the archive again changes nothing", async () => {
    const [again] = await importFiles(t.db, [fixtures.ltp], projects, "ltp");
    expect(again).toMatchObject({ read: 2395, newRaw: 0, stored: 0 });
    expect(await listSeriesJson(t.db, "ltp")).toEqual(series);
  });

  it("reprocessing from the raw messages derives the same series", async () => {
    const parser = inlineParser();
    const summary = await reprocess(t.db, projects, parser);
    expect(summary.stored).toBe(2395);
    expect(await listSeriesJson(t.db, "ltp")).toEqual(series);
  });

  it("lchown conversion: v2 to v5 are obsoleted by v6, a complete 4-patch series with a cover", () => {
    const v6 = find("20250910-conversions-lchown-v6-0-a133444cdb6a@suse.com")!;
    expect(v6).toMatchObject({
      version: 6,
      total: 4,
      received: 4,
      complete: true,
      cover: true,
      obsoletedBy: null,
    });
    expect(v6.subject).toBe("syscalls: lchown: Convert to new API");
    const older = [
      "20250806-conversions-lchown-v2-0-345590fefaae@suse.com",
      "20250825-conversions-lchown-v3-0-2d261b3de236@suse.com",
      "20250828-conversions-lchown-v4-0-60dd9a0145f3@suse.com",
      "20250829-conversions-lchown-v5-0-7c3f25cd1de4@suse.com",
    ];
    for (const id of older) expect(find(id)?.obsoletedBy, id).toBe(v6.id);
    expect(v6.revisions).toEqual(older);
  });

  it("file_setattr/file_getattr: six versions by the same author, whose From the list rewrote, v6 current", () => {
    const v6 = find("20250807-file_setattr_getattr-v6-0-ebe32b282d49@suse.com")!;
    expect(v6).toMatchObject({ version: 6, total: 7, complete: true, obsoletedBy: null });
    // Patches come from suse.de, replies from suse.com: both are him (see the people table).
    expect(v6.author.email).toBe("andrea.cervesato@suse.de");
    expect(v6.revisions).toHaveLength(5);
    for (const id of v6.revisions) expect(find(id)?.obsoletedBy, id).toBe(v6.id);
    expect(find("20250804-file_setattr_getattr-v1-0-6a43c3962c87@suse.com")?.version).toBe(1);
  });

  it("links a person's addresses: Andrea Cervesato posts from suse.de and suse.com", async () => {
    const person = await t.prisma.person.findFirstOrThrow({
      where: { emails: { some: { email: "andrea.cervesato@suse.de" } } },
      include: { emails: true },
    });
    expect(person.emails.map((e) => e.email).sort()).toEqual([
      "andrea.cervesato@suse.com",
      "andrea.cervesato@suse.de",
    ]);
    expect(await t.prisma.message.count({ where: { personId: null, fromEmail: { not: "" } } })).toBe(0);
  });

  it("no series is credited to the list itself: rewritten From lines are undone", () => {
    expect(series.filter((s) => s.author.email === "ltp@lists.linux.it").map((s) => s.id)).toEqual([]);
  });

  it("a review of the cover letter counts for every patch, and trailers say where they came from", () => {
    const reviewedByCover = series.filter(
      (s) =>
        s.cover &&
        s.reviewed &&
        s.patches.every((p) => p.trailers.some((t) => t.origin === "reply-to-cover")),
    );
    expect(reviewedByCover.length).toBeGreaterThan(5);
    const reviews = series.flatMap((s) =>
      s.patches.flatMap((p) => p.trailers.filter((t) => t.kind.toLowerCase() === "reviewed-by")),
    );
    expect(reviews.length).toBeGreaterThan(300);
    expect(reviews.filter((t) => !t.email.includes("@"))).toEqual([]);
  });
});
