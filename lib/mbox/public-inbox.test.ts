import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import zlib from "node:zlib";

import { runGitOk } from "../git/run";
import { fastImportMessages, initBareRepo } from "../git/test-repo";
import { readMbox } from "./mboxrd";
import { openMessageSource } from "./open-source";
import { type PublicInboxCursor, type PublicInboxMessage, readPublicInbox } from "./public-inbox";
import { collect, inChunks } from "./test-support/chunks";
import { PublicInboxFixture } from "./test-support/public-inbox-fixture";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-pi-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const mail = (n: number, body = "body\n") =>
  `Message-ID: <m${n}@example.org>\nSubject: message ${n}\n\n${body}`;

/** Runs the generator to the end, keeping its messages and its return value (the cursor). */
async function readAll(
  inbox: string,
  since?: PublicInboxCursor,
): Promise<{ messages: PublicInboxMessage[]; cursor: PublicInboxCursor }> {
  const messages: PublicInboxMessage[] = [];
  const reader = readPublicInbox(inbox, { since });
  for (;;) {
    const next = await reader.next();
    if (next.done) return { messages, cursor: next.value };
    messages.push(next.value);
  }
}

describe("readPublicInbox on a v2 archive made with git (2 epochs, one removal)", () => {
  const inbox = path.join(scratch, "ltp");
  const pi = new PublicInboxFixture(inbox);
  const commits: string[][] = [[], []];
  // Bytes git must hand back untouched: CRLF, a `From ` line, 8-bit.
  const odd = Buffer.concat([
    Buffer.from("Message-ID: <odd@x>\r\nSubject: odd\r\n\r\nFrom here\r\nBenn"),
    Buffer.from([0xe9, 0x0a]),
  ]);

  beforeAll(async () => {
    for (const n of [1, 2, 3]) commits[0]!.push(await pi.add(0, mail(n)));
    commits[0]!.push(await pi.remove(0, mail(2))); // message 2 removed
    commits[0]!.push(await pi.add(0, odd));
    for (const n of [4, 5]) commits[1]!.push(await pi.add(1, mail(n)));
  });

  it("yields every message oldest first, epoch by epoch, skipping the removal commit", async () => {
    const { messages } = await readAll(inbox);
    expect(messages.map((m) => m.raw.toString("latin1").split(/\r?\n/)[0])).toEqual([
      "Message-ID: <m1@example.org>",
      "Message-ID: <m2@example.org>",
      "Message-ID: <m3@example.org>",
      "Message-ID: <odd@x>",
      "Message-ID: <m4@example.org>",
      "Message-ID: <m5@example.org>",
    ]);
    expect(messages[3]!.raw.equals(odd)).toBe(true);
  });

  it("names each message's origin as `<inbox>/git/<N>.git@<commit>`", async () => {
    const { messages } = await readAll(inbox);
    expect(messages[0]!.origin).toBe(`ltp/git/0.git@${commits[0]![0]}`);
    expect(messages[4]!).toMatchObject({
      epoch: 1,
      commit: commits[1]![0],
      origin: `ltp/git/1.git@${commits[1]![0]}`,
    });
  });

  it("returns the last commit of each epoch as the cursor, and reads only what came after it", async () => {
    const first = await readAll(inbox);
    expect(first.cursor).toEqual({ "0": commits[0]![4], "1": commits[1]![1] });
    expect((await readAll(inbox, first.cursor)).messages).toEqual([]);

    const later = await pi.add(1, mail(6));
    await pi.remove(1, mail(4));
    const second = await readAll(inbox, first.cursor);
    expect(second.messages.map((m) => m.commit)).toEqual([later]);
    expect(second.cursor["0"]).toBe(commits[0]![4]);
    expect(second.cursor["1"]).not.toBe(later); // the removal after it moved the cursor on
    expect((await readAll(inbox, second.cursor)).messages).toEqual([]);
  });

  it("reads an epoch again from the start when the cursor's commit is gone (history rewritten)", async () => {
    const { messages } = await readAll(inbox, { "0": "1".repeat(40), "1": commits[1]![1]! });
    expect(messages.filter((m) => m.epoch === 0)).toHaveLength(4);
  });

  it("is what openMessageSource reads for the inbox directory, and for one epoch given alone", async () => {
    const all = await collect(openMessageSource(inbox));
    expect(all.map((m) => m.origin)).toEqual((await readAll(inbox)).messages.map((m) => m.origin));
    const epoch = await collect(openMessageSource(pi.gitDir(0)));
    expect(epoch.map((m) => m.origin)).toEqual(
      commits[0]!.filter((_, i) => i !== 3).map((c) => `0.git@${c}`),
    );
  });
});

describe("readPublicInbox epochs", () => {
  it("reads epochs in numeric order (2 before 10) and ignores names that are not epochs", async () => {
    const inbox = path.join(scratch, "many");
    const pi = new PublicInboxFixture(inbox);
    for (const epoch of [10, 2, 0]) await pi.add(epoch, mail(epoch));
    fs.mkdirSync(path.join(inbox, "git", "backup.git"));
    const { messages, cursor } = await readAll(inbox);
    expect(messages.map((m) => m.epoch)).toEqual([0, 2, 10]);
    expect(Object.keys(cursor).sort()).toEqual(["0", "10", "2"]);
  });

  it("reads a branch other than master when the epoch has no master", async () => {
    const inbox = path.join(scratch, "renamed");
    const pi = new PublicInboxFixture(inbox);
    const commit = await pi.add(0, mail(1));
    await runGitOk([`--git-dir=${pi.gitDir(0)}`, "branch", "-m", "master", "main"]);
    const { messages } = await readAll(inbox);
    expect(messages.map((m) => m.commit)).toEqual([commit]);
  });
});

describe("readPublicInbox at archive size", () => {
  it("gives back the 2,395 LTP messages, same bytes, same order, from one epoch", async () => {
    const file = zlib.gunzipSync(
      fs.readFileSync(path.resolve(__dirname, "../../prisma/seed/ltp-2025-09..2026-03.mbox.gz")),
    );
    const originals = await collect(readMbox(inChunks(file, 1 << 16)));
    const inbox = path.join(scratch, "ltp-full");
    fs.mkdirSync(path.join(inbox, "git"), { recursive: true });
    const gitDir = path.join(inbox, "git", "0.git");
    await initBareRepo(gitDir);
    const commits = await fastImportMessages(gitDir, originals);
    const { messages, cursor } = await readAll(inbox);
    expect(messages).toHaveLength(2395);
    expect(messages.every((m, i) => m.raw.equals(originals[i]!) && m.commit === commits[i])).toBe(true);
    expect(cursor).toEqual({ "0": commits[2394] });
  }, 60_000);
});
