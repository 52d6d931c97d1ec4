import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { readMbox } from "./mboxrd";
import { openMessageSource } from "./open-source";
import { MessageSourceError } from "./source-error";
import { collect, inChunks } from "./test-support/chunks";
import { PublicInboxFixture } from "./test-support/public-inbox-fixture";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-limits-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const big = `Subject: big\n\n${"x".repeat(5_000)}\n`;
const mbox = `From A\nSubject: one\n\n1\n\nFrom B\n${big}\nFrom C\nSubject: three\n\n3\n`;
// One 5,000-byte line with no LF until its end, arriving in 100-byte chunks.
const longLine = `From A\nSubject: one\n\n1\n\nFrom B\nSubject: long\n\n${"y".repeat(5_000)}\n\nFrom C\nSubject: three\n\n3\n`;

describe("readMbox with a message over the size limit", () => {
  it.each([
    ["a large message", mbox],
    ["one line longer than the limit", longLine],
  ])("skips %s, reports its position and size, and reads on", async (_, text) => {
    const skipped: [number, number][] = [];
    const messages = await collect(
      readMbox(inChunks(Buffer.from(text), 100), {
        maxMessageBytes: 1_000,
        onOversized: (position, bytes) => skipped.push([position, bytes]),
      }),
    );
    expect(messages.map((m) => m.toString())).toEqual(["Subject: one\n\n1\n", "Subject: three\n\n3\n"]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]![0]).toBe(2);
    expect(skipped[0]![1]).toBeGreaterThan(5_000);
  });

  it("throws rather than drop a message silently when nobody listens", async () => {
    await expect(
      collect(readMbox(inChunks(Buffer.from(mbox), 100), { maxMessageBytes: 1_000 })),
    ).rejects.toThrow(RangeError);
  });
});

describe("openMessageSource with a message over the size limit", () => {
  const file = (name: string, content: string) => {
    const p = path.join(scratch, name);
    fs.writeFileSync(p, content);
    return p;
  };

  it("reports a skipped mbox message by its place in the file, and numbers the others as in the file", async () => {
    const skipped: string[] = [];
    const messages = await collect(
      openMessageSource(file("three.mbox", mbox), {
        maxMessageBytes: 1_000,
        onSkip: (origin) => skipped.push(origin),
      }),
    );
    expect(messages.map((m) => m.origin)).toEqual(["three.mbox#1", "three.mbox#3"]);
    expect(skipped).toEqual(["three.mbox#2"]);
  });

  it("throws MessageSourceError `message-too-large` without onSkip, after the messages before it", async () => {
    const seen: string[] = [];
    const error = await (async () => {
      for await (const m of openMessageSource(file("three-b.mbox", mbox), { maxMessageBytes: 1_000 }))
        seen.push(m.origin);
    })().then(
      () => null,
      (e: unknown) => e,
    );
    expect(seen).toEqual(["three-b.mbox#1"]);
    expect(error).toBeInstanceOf(MessageSourceError);
    expect((error as MessageSourceError).reason).toBe("message-too-large");
  });

  it("skips a single-message file and a maildir file over the limit", async () => {
    const skipped: string[] = [];
    const onSkip = (origin: string) => skipped.push(origin);
    expect(
      await collect(openMessageSource(file("one.eml", big), { maxMessageBytes: 1_000, onSkip })),
    ).toEqual([]);
    const maildir = path.join(scratch, "Maildir");
    fs.mkdirSync(path.join(maildir, "cur"), { recursive: true });
    fs.writeFileSync(path.join(maildir, "cur", "1"), big);
    fs.writeFileSync(path.join(maildir, "cur", "2"), "Subject: small\n\n");
    const fromMaildir = await collect(openMessageSource(maildir, { maxMessageBytes: 1_000, onSkip }));
    expect(fromMaildir.map((m) => m.origin)).toEqual(["maildir:cur/2"]);
    expect(skipped).toEqual(["one.eml", "maildir:cur/1"]);
  });

  it("skips a public-inbox blob over the limit and reads the commits after it", async () => {
    const inbox = path.join(scratch, "inbox");
    const pi = new PublicInboxFixture(inbox);
    await pi.add(0, "Subject: one\n\n1\n");
    const bigCommit = await pi.add(0, big);
    await pi.add(0, "Subject: three\n\n3\n");
    const skipped: string[] = [];
    const messages = await collect(
      openMessageSource(inbox, { maxMessageBytes: 1_000, onSkip: (origin) => skipped.push(origin) }),
    );
    expect(messages.map((m) => m.raw.toString().split("\n")[0])).toEqual(["Subject: one", "Subject: three"]);
    expect(skipped).toEqual([`inbox/git/0.git@${bigCommit}`]);
    await expect(collect(openMessageSource(inbox, { maxMessageBytes: 1_000 }))).rejects.toMatchObject({
      reason: "message-too-large",
    });
    await expect(collect(openMessageSource(pi.gitDir(0), { maxMessageBytes: 1_000 }))).rejects.toMatchObject({
      reason: "message-too-large",
    });
  });
});
