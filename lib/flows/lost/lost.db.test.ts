import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseProjectsFile } from "../../config/projects-file";
import { importMessages } from "../ingest/import-messages";
import { inlineParser } from "../ingest/parse-pool";
import { openMessageSource } from "../../mbox/open-source";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { listLost } from "./list-lost";
import { listOrphaned } from "./list-orphaned";
import { maintainerQueue } from "./maintainer-queue";

// A real LTP series (Martin Doucha's aio_cancel rewrite, cover + 3 patches, posted
// 2026-02-03 12:50 UTC) imported alone; then replies arrive over fake days and the lost
// list, the ping and the maintainer's queue are checked after each.
let t: TestDatabase;
const projects = parseProjectsFile(
  JSON.stringify({ projects: [{ name: "ltp", lists: ["ltp@lists.linux.it"] }] }),
  "test",
).projects;
const thread = path.resolve(__dirname, "../../db/series/__fixtures__/b4-threads/aio_cancel.mbox.gz");
const cover = "20260203125029.15413-1-mdoucha@suse.cz";
const patch2 = "20260203125029.15413-3-mdoucha@suse.cz";
const author = "mdoucha@suse.cz";
const maintainer = "chrubis@suse.cz";
const posted = Date.parse("2026-02-03T12:50:23Z");
const day = (n: number) => new Date(posted + n * 86_400_000);

async function importRaw(raws: Buffer[]): Promise<void> {
  async function* source() {
    for (const raw of raws) yield { raw, origin: "test" };
  }
  await importMessages(source(), { db: t.db, projects, parser: inlineParser(), importInto: "ltp" });
}

function reply(options: { id: string; from: string; inReplyTo: string; date: Date; body: string }): Buffer {
  return Buffer.from(
    [
      `From: ${options.from}`,
      `To: ltp@lists.linux.it`,
      `Subject: Re: [LTP] [PATCH 0/3] Rewrite aio_cancel_2-1`,
      `Date: ${options.date.toUTCString()}`,
      `Message-ID: <${options.id}>`,
      `In-Reply-To: <${options.inReplyTo}>`,
      `References: <${cover}> <${options.inReplyTo}>`,
      `Content-Type: text/plain; charset=utf-8`,
      ``,
      options.body,
      ``,
    ].join("\r\n"),
  );
}

/** What the responsible worker writes for the series: its maintainer and its list. */
async function writeResponsible(): Promise<void> {
  await t.prisma.$executeRawUnsafe(
    `INSERT INTO series_responsible (series_id, email, name, role, sections, status, rank)
     SELECT s.id, v.email, v.name, v.role, v.sections, v.status, v.rank FROM series s,
       (VALUES ('${maintainer}', 'Cyril Hrubis', 'maintainer', ARRAY['OPEN POSIX TESTS'], 'Maintained', 1),
               ('ltp@lists.linux.it', '', 'list', ARRAY['OPEN POSIX TESTS'], 'Maintained', 2))
         AS v(email, name, role, sections, status, rank)
      WHERE s.head_msgid = $1
     ON CONFLICT DO NOTHING`,
    cover,
  );
  await t.prisma.$executeRawUnsafe(
    `UPDATE series SET responsible_blob = 'blob' WHERE head_msgid = $1`,
    cover,
  );
}

const lost = async (now: Date) => (await listLost(t.db, { project: "ltp", now }))!.rows;
const queue = async (now: Date, email = maintainer) => (await maintainerQueue(t.db, { email, now })).rows;

/** The mailto's fields, decoded as a mail client reads them (RFC 6068). */
function mailto(url: string) {
  const u = new URL(url);
  const to = decodeURIComponent(u.pathname).split(",");
  const field = (k: string) => u.searchParams.get(k);
  return {
    to,
    cc: field("cc")?.split(",") ?? [],
    subject: field("subject"),
    inReplyTo: field("in-reply-to"),
    body: field("body"),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const raws: Buffer[] = [];
  for await (const { raw } of openMessageSource(thread)) raws.push(raw);
  // The cover letter and its three patches; the list's own replies are left out.
  await importRaw(raws.slice(0, 4));
}, 120_000);
afterAll(async () => t.drop());

describe("lost series of a project over fake days", () => {
  it("a series with no answer is not lost before N days (14), and is lost after them", async () => {
    expect(await lost(day(13))).toEqual([]);
    const rows = await lost(day(15));
    expect(rows.map((r) => [r.headMsgid, r.verdict.reason, r.verdict.days])).toEqual([
      [cover, "no-reply", 15],
    ]);
    expect(rows[0]!.verdict.since).toEqual(day(14));
  });

  it("without MAINTAINERS nor other answers, the ping goes to the list, Cc the author", async () => {
    const [row] = await lost(day(15));
    expect(row!.people).toEqual({ source: "thread", toPing: [], lists: ["ltp@lists.linux.it"] });
    const m = mailto(row!.ping.mailto);
    expect(m).toMatchObject({
      to: ["ltp@lists.linux.it"],
      cc: [author],
      subject: "Re: [LTP] [PATCH 0/3] Rewrite aio_cancel_2-1",
      inReplyTo: `<${cover}>`,
    });
    expect(m.body).toContain(
      'The series "Rewrite aio_cancel_2-1" (v1, 3 patches), sent by Martin Doucha on 2026-02-03',
    );
    expect(m.body).toContain("has had no answer for 15 days");
  });

  it("with series_responsible rows, the maintainer is pinged and the series is in their queue", async () => {
    await writeResponsible();
    const [row] = await lost(day(15));
    expect(row!.people.source).toBe("maintainers");
    expect(row!.people.toPing.map((p) => [p.email, p.why])).toEqual([
      [maintainer, "maintainer: OPEN POSIX TESTS"],
    ]);
    expect(mailto(row!.ping.mailto)).toMatchObject({ to: [maintainer], cc: [author, "ltp@lists.linux.it"] });
    const q = await queue(day(15));
    expect(q.map((r) => [r.headMsgid, r.role, r.days, r.lost?.reason])).toEqual([
      [cover, "maintainer", 15, "no-reply"],
    ]);
    expect(await queue(day(15), author)).toEqual([]);
    expect((await maintainerQueue(t.db, { email: maintainer, now: day(15), minDays: 20 })).rows).toEqual([]);
  });

  it("the author's own follow-up is no answer: still lost", async () => {
    await importRaw([
      reply({
        id: "author-followup@test",
        from: `Martin Doucha <${author}>`,
        inReplyTo: cover,
        date: day(16),
        body: "Gentle ping.",
      }),
    ]);
    await writeResponsible();
    expect((await lost(day(17))).map((r) => r.verdict.reason)).toEqual(["no-reply"]);
  });

  it("review comments from the maintainer take it off the list and out of their queue, until N days of silence", async () => {
    await importRaw([
      reply({
        id: "review-comments@test",
        from: `Cyril Hrubis <${maintainer}>`,
        inReplyTo: patch2,
        date: day(18),
        body: "Hi!\n> +\tSAFE_CLOSE(fd);\n\nThis leaks the buffer on the error path, please fix.\n",
      }),
    ]);
    await writeResponsible();
    expect(await lost(day(19))).toEqual([]);
    expect(await queue(day(19))).toEqual([]);
    const [row] = await lost(day(33));
    expect(row!.verdict).toMatchObject({
      reason: "changes-requested",
      days: 15,
      requestedBy: { email: maintainer, name: "Cyril Hrubis" },
    });
    const m = mailto(row!.ping.mailto);
    expect(m.to).toEqual([author]);
    expect(m.cc).toEqual([maintainer, "ltp@lists.linux.it"]);
    expect(m.body).toContain("Hello Martin Doucha,");
    expect(m.body).toContain("Cyril Hrubis commented on the series");
  });

  it("a Reviewed-by on the cover makes it reviewed: not lost until M days (30) after the review", async () => {
    await importRaw([
      reply({
        id: "reviewed@test",
        from: `Cyril Hrubis <${maintainer}>`,
        inReplyTo: cover,
        date: day(34),
        body: "Hi!\nThe fix looks good now.\n\nReviewed-by: Cyril Hrubis <chrubis@suse.cz>\n",
      }),
    ]);
    await writeResponsible();
    expect(await lost(day(40))).toEqual([]);
    expect(await lost(day(63))).toEqual([]);
    const [row] = await lost(day(65));
    expect(row!.verdict).toMatchObject({ reason: "reviewed-not-merged", days: 31, since: day(64) });
    // A reviewed series waits for the maintainer who takes patches, though they answered.
    expect(mailto(row!.ping.mailto)).toMatchObject({ to: [maintainer], cc: [author, "ltp@lists.linux.it"] });
    expect(row!.ping.body).toContain("has had a review on every patch for 31 days");
  });

  it("is not orphaned: its files have a maintained maintainer", async () => {
    expect((await listOrphaned(t.db, { project: "ltp", now: day(65) }))!.rows).toEqual([]);
    await t.prisma.$executeRawUnsafe(
      `UPDATE series_responsible SET status = 'Odd Fixes' WHERE email = $1`,
      maintainer,
    );
    const orphaned = (await listOrphaned(t.db, { project: "ltp", now: day(65) }))!.rows;
    expect(orphaned.map((r) => [r.headMsgid, r.days, r.lost?.reason])).toEqual([
      [cover, 65, "reviewed-not-merged"],
    ]);
    await t.prisma.$executeRawUnsafe(
      `UPDATE series_responsible SET status = 'Maintained' WHERE email = $1`,
      maintainer,
    );
  });

  it("the author's self-NAK withdraws it: off the list and out of every queue", async () => {
    const reviewer = "reviewer@example.org";
    await t.prisma.$executeRawUnsafe(
      `INSERT INTO series_responsible (series_id, email, name, role, sections, status, rank)
       SELECT id, $2, 'A Reviewer', 'reviewer', ARRAY['OPEN POSIX TESTS'], 'Maintained', 3 FROM series WHERE head_msgid = $1`,
      cover,
      reviewer,
    );
    expect((await queue(day(65), reviewer)).map((r) => [r.role, r.days])).toEqual([["reviewer", 65]]);
    expect((await maintainerQueue(t.db, { email: reviewer, now: day(65), role: "maintainer" })).rows).toEqual(
      [],
    );
    await importRaw([
      reply({
        id: "selfnak@test",
        from: `Martin Doucha <${author}>`,
        inReplyTo: cover,
        date: day(66),
        body: "Self-NAK, this needs a rework.",
      }),
    ]);
    await writeResponsible();
    expect(await lost(day(70))).toEqual([]);
    expect(await queue(day(70), reviewer)).toEqual([]);
  });

  it("an unknown project is null, a bad cursor a clear error", async () => {
    expect(await listLost(t.db, { project: "nope", now: day(1) })).toBeNull();
    await expect(listLost(t.db, { project: "ltp", now: day(1), after: "!!" })).rejects.toThrow(
      /invalid page cursor/,
    );
  });
});
