import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import zlib from "node:zlib";

import { beforeAll, describe, expect, it } from "vitest";

import { readMbox } from "./mboxrd";
import { collect, inChunks, messageIdOf } from "./test-support/chunks";
import { formatMboxrdEntry } from "./write-mboxrd";

const LTP = path.resolve(__dirname, "../../prisma/seed/ltp-2025-09..2026-03.mbox.gz");

const read = (text: string | Buffer, chunk = 1 << 16) =>
  collect(readMbox(inChunks(Buffer.isBuffer(text) ? text : Buffer.from(text), chunk))).then((ms) =>
    ms.map((m) => m.toString("latin1")),
  );

describe("readMbox on the LTP archive (mboxrd, 2,395 messages)", () => {
  let file: Buffer;
  let messages: Buffer[];
  beforeAll(async () => {
    file = zlib.gunzipSync(fs.readFileSync(LTP));
    messages = await collect(readMbox(Readable.from(inChunks(file, 1 << 16))));
  });

  it("is the 24,743,120-byte file the README describes", () => {
    expect(file.length).toBe(24_743_120);
  });

  it("yields exactly 2,395 messages with 2,395 distinct Message-IDs", () => {
    expect(messages).toHaveLength(2395);
    const ids = messages.map(messageIdOf);
    expect(ids.filter((id) => id === null)).toEqual([]);
    expect(new Set(ids).size).toBe(2395);
  });

  it("gives back the file byte for byte when each message is written again after its own `From ` line", () => {
    // In mboxrd every unescaped `From ` at a line start is a separator, so they can be listed directly.
    const fromLines = file
      .toString("latin1")
      .split("\n")
      .filter((line) => line.startsWith("From "));
    expect(fromLines).toHaveLength(2395);
    const rewritten = Buffer.concat(messages.map((m, i) => formatMboxrdEntry(m, fromLines[i]!)));
    expect(rewritten.equals(file)).toBe(true);
  });

  it("removes one `>` from escaped `From ` lines and none from other quoted lines", () => {
    const escapedInFile = (file.toString("latin1").match(/^>+From /gm) ?? []).length;
    expect(escapedInFile).toBeGreaterThan(0);
    const text = messages.map((m) => m.toString("latin1")).join("");
    expect((text.match(/^>+From /gm) ?? []).length + (text.match(/^From /gm) ?? []).length).toBe(
      escapedInFile,
    );
  });

  it("does not depend on where input chunks end", async () => {
    // Buffers compared with equals(): a deep toEqual on megabytes is slow.
    const same = (a: Buffer[], b: Buffer[]) => a.length === b.length && a.every((m, i) => m.equals(b[i]!));
    for (const [bytes, size] of [
      [30_000, 1],
      [100_000, 2],
      [100_000, 7],
      [1_000_000, 64],
      [1_000_000, 4093],
    ] as const) {
      const slice = file.subarray(0, bytes);
      const whole = await collect(readMbox(inChunks(slice, bytes)));
      expect(whole.length).toBeGreaterThan(1);
      expect(same(await collect(readMbox(inChunks(slice, size))), whole)).toBe(true);
    }
  });
});

describe("readMbox separators", () => {
  it("treats the first line as a separator when it starts with `From `, whatever follows", async () => {
    expect(await read("From A\nSubject: one\n\nbody\n")).toEqual(["Subject: one\n\nbody\n"]);
  });

  it("splits at bare `From A` / `From nobody` lines when a header field follows (patchew's test files)", async () => {
    const mbox = "From A\nSubject: one\n\nbody\n\n\nFrom nobody\nDelivered-To: x@y\nSubject: two\n\nbody\n";
    expect(await read(mbox)).toEqual([
      "Subject: one\n\nbody\n\n",
      "Delivered-To: x@y\nSubject: two\n\nbody\n",
    ]);
  });

  it("keeps an unescaped `From here on we...` after an empty line in the body (mboxo)", async () => {
    const mbox =
      "From x@y Mon Sep 17 00:00:00 2001\nSubject: one\n\nIntro.\n\nFrom here on we use the new API.\n\nBye\n";
    expect(await read(mbox)).toEqual(["Subject: one\n\nIntro.\n\nFrom here on we use the new API.\n\nBye\n"]);
  });

  it("keeps a bare `From Linus` after an empty line in the body when no header field follows it", async () => {
    const mbox = "From A\nSubject: one\n\nThanks!\n\nFrom Linus\nwith love\n";
    expect(await read(mbox)).toEqual(["Subject: one\n\nThanks!\n\nFrom Linus\nwith love\n"]);
  });

  it("splits at a dated `From ` line after an empty line even without a header after it", async () => {
    const mbox =
      "From a Mon Sep 17 00:00:00 2001\nSubject: one\n\nx\n\nFrom b Mon Sep 17 00:00:00 2001\nnot a header\n";
    expect(await read(mbox)).toEqual(["Subject: one\n\nx\n", "not a header\n"]);
  });

  it("does not split at a `From ` line that does not follow an empty line", async () => {
    const mbox = "From A\nSubject: one\n\nsome text\nFrom b Mon Sep 17 00:00:00 2001\nSubject: two\n";
    expect(await read(mbox)).toEqual([
      "Subject: one\n\nsome text\nFrom b Mon Sep 17 00:00:00 2001\nSubject: two\n",
    ]);
  });

  it("keeps a bare `From x` with nothing after it at the end of the input as text", async () => {
    expect(await read("From A\nSubject: one\n\nbody\n\nFrom Linus\n")).toEqual([
      "Subject: one\n\nbody\n\nFrom Linus\n",
    ]);
  });
});

describe("readMbox bytes", () => {
  it("removes exactly one `>` from `>From `, `>>From `, and leaves `> From` and `>Fromage` alone", async () => {
    const mbox = "From A\nSubject: s\n\n>From a\n>>From b\n>>>From c\n> From d\n>Fromage\nFrom e\n";
    expect(await read(mbox)).toEqual([
      "Subject: s\n\nFrom a\n>From b\n>>From c\n> From d\n>Fromage\nFrom e\n",
    ]);
  });

  it("keeps CRLF line endings and drops the writer's empty line whether it is LF or CRLF", async () => {
    const mbox =
      "From a Mon Sep 17 00:00:00 2001\r\nSubject: one\r\n\r\nbody\r\n\r\n" +
      "From b Mon Sep 17 00:00:00 2001\r\nSubject: two\r\n\r\n>From x\r\n\n";
    expect(await read(mbox, 5)).toEqual(["Subject: one\r\n\r\nbody\r\n", "Subject: two\r\n\r\nFrom x\r\n"]);
  });

  it("keeps empty lines that end a message, dropping only the one the writer added", async () => {
    expect(await read("From A\nSubject: s\n\nbody\n\n\n\nFrom B\nSubject: t\n\nx\n\n")).toEqual([
      "Subject: s\n\nbody\n\n\n",
      "Subject: t\n\nx\n",
    ]);
  });

  it("keeps a last line without a newline", async () => {
    expect(await read("From A\nSubject: s\n\nno newline")).toEqual(["Subject: s\n\nno newline"]);
  });

  it("yields bytes before the first separator as a message of their own rather than drop them", async () => {
    expect(await read("Subject: stray\n\ntext\n\nFrom A\nSubject: s\n\nx\n")).toEqual([
      "Subject: stray\n\ntext\n",
      "Subject: s\n\nx\n",
    ]);
  });

  it("keeps 8-bit bytes as they are", async () => {
    const raw = Buffer.from([...Buffer.from("From A\nSubject: s\n\nBenn"), 0xe9, 0x65, 0x0a]);
    const [message] = await collect(readMbox(inChunks(raw, 3)));
    expect(message).toEqual(Buffer.from([...Buffer.from("Subject: s\n\nBenn"), 0xe9, 0x65, 0x0a]));
  });

  it("yields nothing for empty input", async () => {
    expect(await read("")).toEqual([]);
  });

  it("refuses a stream that decodes bytes to text", async () => {
    const stream = Readable.from(["From A\n"]);
    await expect(collect(readMbox(stream))).rejects.toThrow(TypeError);
  });
});
