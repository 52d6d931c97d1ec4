import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadProjects } from "../../config/projects-file";
import { PatchwatchError } from "../../errors";
import { fixtures, importFiles } from "../../flows/ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { listSeries, type SeriesListRow } from "./list-series";

// The LTP archive (ltp@lists.linux.it, 2025-07 to 2026-03), imported as `npm start` does.
// The expected answers were checked by hand against the archive with plain SQL and by
// reading the threads (see each case).
let t: TestDatabase;
const now = new Date("2026-04-01T00:00:00Z");
const projects = loadProjects(`${__dirname}/../../../projects.json`).projects;

beforeAll(async () => {
  t = await createTestDatabase();
  await importFiles(t.db, [fixtures.ltp], projects, "ltp");
}, 300_000);
afterAll(async () => t.drop());

/** Every row of a search, page after page. */
async function all(query: string, options: { limit?: number; at?: Date } = {}): Promise<SeriesListRow[]> {
  const rows: SeriesListRow[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await listSeries(t.db, {
      query,
      after,
      limit: options.limit ?? 100,
      now: options.at ?? now,
    });
    rows.push(...page.rows);
    if (!page.next) return rows;
    after = page.next;
  }
  throw new Error("too many pages");
}

async function badRequest(promise: Promise<unknown>): Promise<PatchwatchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PatchwatchError);
  expect((error as PatchwatchError).code).toBe("bad-request");
  return error as PatchwatchError;
}

describe("listSeries on the LTP archive: searches with known answers", () => {
  it.each<[string, number, string]>([
    ["", 445, "every series"],
    ["project:ltp", 445, "every series is in ltp"],
    ["from:pvorel@suse.cz is:reviewed", 34, "SQL: author_email ILIKE and reviewed"],
    ["reviewed-by:chrubis", 64, "SQL: series with a reviewed-by trailer naming chrubis"],
    ["acked-by:jstancek", 7, "SQL: series with an acked-by from Jan Stancek"],
    ["dfn:lib/tst_test.c", 16, "SQL: 'lib/tst_test.c' = ANY(patch.files)"],
    ["-is:obsolete version:>2", 61, "SQL: obsoleted_by IS NULL AND version > 2"],
    ["version:3 -is:obsolete -is:rfc", 27, "SQL: version = 3, current, not RFC"],
    ["{is:rfc is:pull}", 2, "the two RFCs (no pull requests on this list)"],
    ["-has:replies", 38, "SQL: reply_count = 0"],
    ["dfb:TST_EXP_PASS", 21, "SQL: a '+' line of a diff holding TST_EXP_PASS"],
    ["b:bombard", 1, "a quote of a kernel mail in the process_state thread"],
    ["nq:bombard", 0, "...which is only ever quoted ('> > time, encourage people to bombard us')"],
    ['b:"memory leak"', 3, "SQL: body ~* 'memory leak' (Remove runltp v1, v2; ioctl_sg01)"],
    ["lchown", 5, "lchown v2 to v6"],
    ['subject:"lchown: Convert to new API" -is:obsolete', 1, "lchown v6 is the current one"],
  ])("%j finds %i series (%s)", async (query, count) => {
    expect((await all(query)).length).toBe(count);
  });

  it("age:>1y with now = 2026-09-01 finds the 76 series last active before 2025-09-01", async () => {
    const rows = await all("age:>1y", { at: new Date("2026-09-01T00:00:00Z") });
    expect(rows.length).toBe(76);
    expect(rows.every((r) => r.lastActivity! < new Date("2025-09-01T00:00:00Z"))).toBe(true);
    expect(await all("age:>1y")).toEqual([]);
  });

  it("age:<1w with now = 2026-03-10 finds the 31 series active since 2026-03-03", async () => {
    const rows = await all("age:<1w", { at: new Date("2026-03-10T00:00:00Z") });
    expect(rows.length).toBe(31);
    expect((await all("-age:<1w", { at: new Date("2026-03-10T00:00:00Z") })).length).toBe(445 - 31);
  });

  it("the RFCs are the acl/tacl_xattr.sh removal and readahead02's mincore check", async () => {
    expect((await all("{is:rfc is:pull}")).map((r) => r.headMsgid).sort()).toEqual([
      "20251007160516.145121-1-pvorel@suse.cz",
      "20251126073521.159834-1-liwang@redhat.com",
    ]);
  });

  it("lchown finds v6 to v2, each older one obsoleted by v6, with its reviews counted", async () => {
    const rows = await all("lchown");
    expect(rows.map((r) => r.version).sort()).toEqual([2, 3, 4, 5, 6]);
    const v5 = rows.find((r) => r.version === 5)!;
    expect(v5).toMatchObject({
      title: "syscalls: lchown: Convert to new API",
      project: "ltp",
      total: 4,
      received: 4,
      complete: true,
      reviewedPatches: 3,
      reviewed: false,
      obsoletedBy: "20250910-conversions-lchown-v6-0-a133444cdb6a@suse.com",
      obsoletedByVersion: 6,
      apply: null,
      tests: null,
    });
    expect(rows.find((r) => r.version === 6)).toMatchObject({ obsoletedBy: null, obsoletedByVersion: null });
  });

  it("id: finds the series of a reply, with or without angle brackets", async () => {
    for (const query of ["id:<20251215143048.GA267467@pevik>", "id:20251215143048.GA267467@pevik"]) {
      const rows = await all(query);
      expect(rows.map((r) => [r.title, r.version])).toEqual([["doc: Document process_state", 2]]);
    }
  });

  it("dfn:lib/tst_test.c includes the three versions of the -D flag series", async () => {
    const titles = (await all("dfn:lib/tst_test.c")).map((r) => `${r.title} v${r.version}`);
    expect(titles).toEqual(
      expect.arrayContaining(
        [1, 2, 3].map((v) => `lib: Extend -D flag to support multiple debug levels v${v}`),
      ),
    );
  });

  it("from:pvorel@suse.cz is:reviewed finds only reviewed series by Petr Vorel", async () => {
    const rows = await all("from:pvorel@suse.cz is:reviewed");
    expect(rows.every((r) => r.authorEmail === "pvorel@suse.cz" && r.reviewed)).toBe(true);
    expect(rows.every((r) => r.reviewedPatches === r.total)).toBe(true);
  });

  it("a search and its negation split the list", async () => {
    for (const query of ["reviewed-by:chrubis", "b:kirk", "{is:rfc from:liwang}"]) {
      const yes = await all(query);
      const no = await all(`-{${query}}`);
      expect(yes.length + no.length).toBe(445);
    }
  });
});

describe("listSeries: projects", () => {
  it("lists exactly the named projects", async () => {
    const page = await listSeries(t.db, { projects: ["ltp"], limit: 500, now });
    expect(page.rows.length).toBe(445);
    expect((await listSeries(t.db, { projects: ["qemu"], now })).rows).toEqual([]);
    expect((await listSeries(t.db, { projects: ["qemu", "ltp"], limit: 500, now })).rows.length).toBe(445);
    expect((await listSeries(t.db, { projects: ["no-such-project"], now })).rows).toEqual([]);
    expect((await listSeries(t.db, { projects: [], now })).rows).toEqual([]);
  });
});

describe("listSeries: bad input is a bad request with a clear message", () => {
  it.each<[string, RegExp]>([
    ["is:bogus", /position 4: unknown 'is:bogus'; known: is:reviewed/],
    ["lchown {is:rfc", /position 8: this '\{' is never closed/],
    ["form:pvorel", /position 1: unknown operator 'form:'/],
    ["age:>2x", /position 5: 'age:>2x' is not an age/],
  ])("the search %j", async (query, message) => {
    const error = await badRequest(listSeries(t.db, { query, now }));
    expect(error.message).toMatch(message);
  });

  it.each([
    "garbage!",
    Buffer.from("not json").toString("base64url"),
    Buffer.from(JSON.stringify({ a: "yesterday", i: "5" })).toString("base64url"),
    Buffer.from(JSON.stringify({ a: null, i: "0" })).toString("base64url"),
    Buffer.from(JSON.stringify({ a: null, i: "1; DROP TABLE series" })).toString("base64url"),
    "A".repeat(1000),
  ])("the cursor %j", async (after) => {
    const error = await badRequest(listSeries(t.db, { after, now }));
    expect(error.message).toMatch(/invalid page cursor/);
  });

  it("a limit out of range", async () => {
    await badRequest(listSeries(t.db, { limit: 0, now }));
    await badRequest(listSeries(t.db, { limit: 100_000, now }));
  });
});

// Last: these change the data, so that the order has ties and missing dates to get right.
describe("listSeries: order and keyset pages", () => {
  beforeAll(async () => {
    // Ten series share one last activity (ties broken by id), three have none (last).
    await t.prisma.$executeRawUnsafe(
      `UPDATE series SET last_activity = '2026-01-15 12:00:00' WHERE id IN (SELECT id FROM series ORDER BY id LIMIT 10 OFFSET 100)`,
    );
    await t.prisma.$executeRawUnsafe(
      `UPDATE series SET last_activity = NULL WHERE id IN (SELECT id FROM series ORDER BY id LIMIT 3 OFFSET 200)`,
    );
  });

  it("is newest activity first, then id descending, series without activity last", async () => {
    const expected = await t.prisma.$queryRawUnsafe<{ id: bigint }[]>(
      `SELECT id FROM series ORDER BY last_activity DESC NULLS LAST, id DESC`,
    );
    const rows = await all("", { limit: 500 });
    expect(rows.map((r) => r.id)).toEqual(expected.map((e) => BigInt(e.id)));
    expect(rows.slice(-3).every((r) => r.lastActivity === null)).toBe(true);
  });

  it.each([1, 7, 10, 50, 444, 445, 446])("pages of %i neither repeat nor skip a series", async (limit) => {
    const whole = (await all("", { limit: 500 })).map((r) => r.id);
    const paged = (await all("", { limit })).map((r) => r.id);
    expect(paged).toEqual(whole);
  });

  it("pages of a search neither repeat nor skip", async () => {
    const whole = (await all("-is:obsolete", { limit: 500 })).map((r) => r.id);
    expect((await all("-is:obsolete", { limit: 3 })).map((r) => r.id)).toEqual(whole);
  });

  it("the last page has no next cursor, an exactly full one neither", async () => {
    const page = await listSeries(t.db, { limit: 445, now });
    expect(page.rows.length).toBe(445);
    expect(page.next).toBeNull();
  });
});
