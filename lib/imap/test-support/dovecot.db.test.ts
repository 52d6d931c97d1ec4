import net from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { patchewMessages } from "../../mail/test-support/fixtures";
import { startDovecot, type DovecotServer } from "./dovecot";

const MAILBOX = "qemu-devel";
// A patch and two replies: three real list mails, with LF line ends.
const SERIES = patchewMessages("0003-single-patch-reviewed.mbox.gz");

interface Stored {
  uid: number;
  messageId?: string;
  source?: Buffer;
}

async function messages(server: DovecotServer, mailbox: string): Promise<Stored[]> {
  const client = await server.connect();
  try {
    const { exists } = await client.mailboxOpen(mailbox, { readOnly: true });
    if (exists === 0) return [];
    const fetched = await client.fetchAll("1:*", { uid: true, envelope: true, source: true });
    return fetched.map((m) => ({ uid: m.uid, messageId: m.envelope?.messageId, source: m.source }));
  } finally {
    await client.logout();
  }
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

function headerMessageId(raw: Buffer): string | undefined {
  return /^message-id:\s*(<[^>]+>)/im.exec(raw.toString("latin1"))?.[1];
}

describe("startDovecot", () => {
  let server: DovecotServer;

  beforeAll(async () => {
    server = await startDovecot({ mailboxes: [MAILBOX] });
  });

  afterAll(async () => {
    await server?.dispose();
  });

  it("serves appended messages with UIDs 1..3", async () => {
    expect(SERIES).toHaveLength(3);
    expect(server.host).toBe("127.0.0.1");
    expect(server.port).not.toBe(143);
    await server.append(MAILBOX, SERIES);
    const stored = await messages(server, MAILBOX);
    expect(stored.map(({ uid, messageId }) => ({ uid, messageId }))).toEqual(
      SERIES.map((raw, i) => ({ uid: i + 1, messageId: headerMessageId(raw) })),
    );
    // IMAP hands out CRLF line ends whatever was appended: the bytes differ from the mbox's.
    expect(stored.map((m) => m.source)).toEqual(
      SERIES.map((raw) => Buffer.from(raw.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1")),
    );
  });

  it("keeps the mail and the port across stop and start, dropping open connections", async () => {
    const port = server.port;
    const before = await server.uidValidity(MAILBOX);
    const client = await server.connect();
    const closed = new Promise((resolve) => client.once("close", resolve));

    await server.stop();
    await closed;
    expect(await refused(port)).toBe(true);

    await server.start();
    expect(server.port).toBe(port);
    expect((await messages(server, MAILBOX)).map((m) => m.uid)).toEqual([1, 2, 3]);
    expect(await server.uidValidity(MAILBOX)).toBe(before);
  });

  it("recreates a mailbox empty with a new UIDVALIDITY", async () => {
    const before = await server.uidValidity(MAILBOX);
    await server.recreateMailbox(MAILBOX);
    expect(await server.uidValidity(MAILBOX)).not.toBe(before);
    expect(await messages(server, MAILBOX)).toEqual([]);

    await server.append(MAILBOX, SERIES.slice(0, 1));
    expect((await messages(server, MAILBOX)).map((m) => m.uid)).toEqual([1]);
  });

  it("refuses to recreate INBOX, which IMAP cannot delete", async () => {
    await expect(server.recreateMailbox("INBOX")).rejects.toThrow(/INBOX/);
  });

  it("appends 2,000 messages in one go, each with its own UID", async () => {
    // bench/imap-latency.ts measures the live path's speed; here only the result counts.
    const raws = Array.from({ length: 2_000 }, (_, i) => SERIES[i % SERIES.length]!);
    await server.append("bulk", raws);

    const client = await server.connect();
    try {
      expect(await client.status("bulk", { messages: true, uidNext: true })).toMatchObject({
        messages: 2_000,
        uidNext: 2_001,
      });
    } finally {
      await client.logout();
    }
  });

  it("runs side by side with another instance, and dispose frees its port", async () => {
    const other = await startDovecot();
    expect(other.port).not.toBe(server.port);
    await other.append("INBOX", SERIES.slice(0, 1));
    expect(await messages(other, "INBOX")).toHaveLength(1);
    await other.dispose();
    expect(await refused(other.port)).toBe(true);
    expect(await messages(server, MAILBOX)).toHaveLength(1);
  });
});
