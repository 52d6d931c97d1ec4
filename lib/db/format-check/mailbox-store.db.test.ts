import zlib from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AIO_CANCEL, fixture } from "../../format-check/test-support/mails";
import { createTestDatabase, type TestDatabase } from "../test-support/test-database";
import { formatCheckMailboxStore } from "./mailbox-store";
import { receivedFormatCheckMails, recordFormatCheck, repliesToSenderSince } from "./received-mails";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const source = { key: "format-check:ltp/u@h:143/patch-check", project: "ltp", mailbox: "patch-check" };

describe("the format-check mailbox's storage", () => {
  it("stores raw mail apart from the list's, once per bytes, before the position moves", async () => {
    const store = formatCheckMailboxStore(t.db, source);
    expect(await store.begin(7n)).toEqual({ lastUid: 0, reset: false });
    const raws = AIO_CANCEL.map(fixture);
    await store.storeBatch(
      7n,
      raws.map((raw, i) => ({ uid: i + 1, raw })),
      4,
    );
    // A crash before the position moved reads the batch again.
    await store.storeBatch(
      7n,
      raws.map((raw, i) => ({ uid: i + 1, raw })),
      4,
    );
    expect(await store.begin(7n)).toEqual({ lastUid: 4, reset: false });

    const rows = await t.prisma.formatCheckMail.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.msgid)).toEqual(
      [1, 2, 3, 4].map((n) => `20260203125029.15413-${n}-mdoucha@suse.cz`),
    );
    expect(zlib.gunzipSync(rows[0]!.data).equals(raws[0]!)).toBe(true);
    expect(rows.every((r) => r.state === "received" && r.project === "ltp")).toBe(true);
    expect(await t.prisma.rawMessage.count()).toBe(0);
    expect((await receivedFormatCheckMails(t.db, "ltp")).map((r) => r.raw.length)).toEqual(
      raws.map((r) => r.length),
    );
  });

  it("a new UIDVALIDITY starts again from the first UID", async () => {
    expect(await formatCheckMailboxStore(t.db, source).begin(8n)).toEqual({ lastUid: 0, reset: true });
  });

  it("counts the series answered to a sender in the last hour, once per series", async () => {
    const rows = await t.prisma.formatCheckMail.findMany({ orderBy: { id: "asc" } });
    const now = new Date();
    await recordFormatCheck(
      t.db,
      rows.slice(0, 3).map((r) => r.id),
      {
        state: "answered",
        sender: "mdoucha@suse.cz",
        seriesKey: "a v1",
        checkedAt: now,
      },
    );
    await recordFormatCheck(t.db, [rows[3]!.id], {
      state: "answered",
      sender: "mdoucha@suse.cz",
      seriesKey: "b v1",
      checkedAt: new Date(now.getTime() - 2 * 3_600_000),
    });
    expect(await repliesToSenderSince(t.db, "mdoucha@suse.cz", new Date(now.getTime() - 3_600_000))).toBe(1);
    expect(await receivedFormatCheckMails(t.db, "ltp")).toEqual([]);
  });
});
