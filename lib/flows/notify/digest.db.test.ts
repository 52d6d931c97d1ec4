import path from "node:path";

import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseProjectsFile } from "../../config/projects-file";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";
import { digestUnsubscribeEndpoint } from "../../http/endpoints/digest-unsubscribe";
import { listLostEndpoint } from "../../http/endpoints/list-lost";
import { maintainerQueueEndpoint } from "../../http/endpoints/maintainer-queue";
import { importMessages } from "../ingest/import-messages";
import { inlineParser } from "../ingest/parse-pool";
import { silentLog } from "../../log";
import { openMessageSource } from "../../mbox/open-source";
import { subscribeToDigest } from "./digest-subscription";
import { createOutbox, type Outbox } from "./deliver-robot-mail";
import { sendDigests } from "./send-digests";
import { startSmtpSink, type SmtpSink } from "../../../workers/test-support/smtp-sink";

// The weekly review digest through the robot's outbox to a real SMTP server: a real LTP
// series (cover + 3 patches, posted 2026-02-03) waits for a maintainer subscribed to it.
let t: TestDatabase;
let sink: SmtpSink;
let outbox: Outbox;
const projects = parseProjectsFile(
  JSON.stringify({
    projects: [
      {
        name: "ltp",
        lists: ["ltp@lists.linux.it"],
        robot: { from: "robot@patchwatch.test", dryRun: false, maxPerRecipientPerHour: 50 },
      },
    ],
  }),
  "test",
).projects;
const cover = "20260203125029.15413-1-mdoucha@suse.cz";
const maintainer = "chrubis@suse.cz";
const publicUrl = "https://pw.example.org";
// Wednesday 2026-02-18; ISO week 2026-W08.
const wednesday = new Date("2026-02-18T09:00:00Z");
const plusDays = (n: number) => new Date(wednesday.getTime() + n * 86_400_000);

const run = (now: Date) => sendDigests({ db: t.db, projects, outbox, publicUrl, log: silentLog, now });

beforeAll(async () => {
  t = await createTestDatabase();
  sink = await startSmtpSink();
  outbox = createOutbox({ db: t.db, smtpUrl: sink.url, log: silentLog, messageIdDomain: "pw.example.org" });
  const raws: Buffer[] = [];
  const file = path.resolve(__dirname, "../../db/series/__fixtures__/b4-threads/aio_cancel.mbox.gz");
  for await (const { raw } of openMessageSource(file)) raws.push(raw);
  async function* first4() {
    for (const raw of raws.slice(0, 4)) yield { raw, origin: "test" };
  }
  await importMessages(first4(), { db: t.db, projects, parser: inlineParser(), importInto: "ltp" });
  await t.prisma.$executeRawUnsafe(
    `INSERT INTO series_responsible (series_id, email, name, role, sections, status, rank)
     SELECT id, $2, 'Cyril Hrubis', 'maintainer', ARRAY['OPEN POSIX TESTS'], 'Maintained', 1
       FROM series WHERE head_msgid = $1`,
    cover,
    maintainer,
  );
}, 120_000);
afterAll(async () => {
  await outbox?.close();
  await sink?.close();
  await t?.drop();
});

describe("the weekly review digest", () => {
  it("sends nothing to people who did not subscribe", async () => {
    expect(await run(wednesday)).toEqual({ sent: 0, skipped: 0 });
    expect(sink.received).toHaveLength(0);
  });

  it("sends a subscriber their queue, once, through SMTP", async () => {
    await subscribeToDigest(t.db, projects, "ChRubis@suse.cz", []);
    expect(await run(wednesday)).toEqual({ sent: 1, skipped: 0 });
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.rcptTo).toEqual([maintainer]);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe("Review queue: 1 series wait for you (2026-W08)");
    expect(parsed.headers.get("x-patchwatch-kind")).toBe("digest");
    expect(parsed.text).toContain("- [ltp] Rewrite aio_cancel_2-1 (v1, 3 patches) by Martin Doucha");
    expect(parsed.text).toContain("waiting 14 days, as maintainer, lost (no-reply)");
    expect(parsed.text).toContain(`${publicUrl}/ltp/${encodeURIComponent(cover)}`);
    expect(parsed.text).toContain(`${publicUrl}/maintainer/chrubis%40suse.cz`);
  });

  it("never a second one in the same week: not due, and the week's dedupe key holds when forced", async () => {
    expect(await run(plusDays(2))).toEqual({ sent: 0, skipped: 0 });
    await t.prisma.$executeRawUnsafe(`UPDATE digest_subscription SET last_sent_at = NULL`);
    expect(await run(plusDays(4))).toEqual({ sent: 0, skipped: 1 });
    expect(sink.received).toHaveLength(1);
    const rows = await t.prisma.robotMail.findMany({
      where: { kind: "digest" },
      select: { dedupeKey: true, status: true },
    });
    expect(rows).toEqual([{ dedupeKey: "digest:chrubis@suse.cz:2026-W08", status: "sent" }]);
  });

  it("a week later, the next one", async () => {
    expect(await run(plusDays(11))).toEqual({ sent: 1, skipped: 0 });
    expect(sink.received).toHaveLength(2);
    expect((await simpleParser(sink.received[1]!.raw)).subject).toBe(
      "Review queue: 1 series wait for you (2026-W09)",
    );
  });

  it("the token in the latest mail unsubscribes; a wrong token changes nothing", async () => {
    const text = (await simpleParser(sink.received[1]!.raw)).text ?? "";
    const token = /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;
    const post = (body: string) =>
      digestUnsubscribeEndpoint.respond(
        () => t.db,
        new Request(`${publicUrl}/api/v1/digest/unsubscribe`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body,
        }),
        {},
      );
    expect(await (await post("token=wrong-token-123")).json()).toEqual({ unsubscribed: false });
    expect(await (await post(`token=${token}`)).json()).toEqual({ unsubscribed: true });
    expect(await run(plusDays(30))).toEqual({ sent: 0, skipped: 0 });
    expect(sink.received).toHaveLength(2);
  });
});

describe("the lost and queue API", () => {
  it("GET /api/v1/projects/ltp/lost lists the series with its ping; an unknown project is a 404", async () => {
    const res = await listLostEndpoint.respond(
      () => t.db,
      new Request(`${publicUrl}/api/v1/projects/ltp/lost?limit=5`),
      {
        project: "ltp",
      },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ project: "ltp", lostAfterDays: 14, reviewedUnmergedDays: 30, next: null });
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      id: cover,
      lost: { reason: "no-reply" },
      people: { source: "maintainers", toPing: [{ email: maintainer }] },
      ping: { to: [maintainer], cc: ["mdoucha@suse.cz", "ltp@lists.linux.it"], inReplyTo: cover },
    });
    const missing = await listLostEndpoint.respond(
      () => t.db,
      new Request(`${publicUrl}/api/v1/projects/x/lost`),
      {
        project: "x",
      },
    );
    expect(missing.status).toBe(404);
  });

  it("GET /api/v1/maintainers/{email}/queue takes an encoded address and filters; a bad limit is a 400", async () => {
    const get = (query: string) =>
      maintainerQueueEndpoint.respond(
        () => t.db,
        new Request(`${publicUrl}/api/v1/maintainers/x/queue${query}`),
        {
          email: "chrubis%40suse.cz",
        },
      );
    const all = await (await get("")).json();
    expect(all.items.map((i: { id: string; role: string }) => [i.id, i.role])).toEqual([
      [cover, "maintainer"],
    ]);
    expect((await (await get("?role=reviewer")).json()).items).toEqual([]);
    expect((await (await get("?project=ltp&age=36500")).json()).items).toEqual([]);
    expect((await get("?limit=0")).status).toBe(400);
  });
});
