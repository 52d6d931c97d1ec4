import { describe, expect, it } from "vitest";

import { readMbox } from "./mboxrd";
import { collect, inChunks } from "./test-support/chunks";
import { formatMboxrdEntry, MBOXRD_FROM_LINE, streamMboxrd, writeMboxrd } from "./write-mboxrd";

const messages = [
  "Subject: plain\n\nHello\n",
  "Subject: from lines\n\nIntro\n\nFrom here on we...\nFrom the start\n>From quoted\n>>From twice\n> From spaced\n",
  "Subject: crlf\r\n\r\nFrom a CRLF body\r\n>From again\r\n\r\n",
  "Subject: ends with empty lines\n\nbody\n\n\n",
  "Subject: looks like a separator\n\nx\n\nFrom mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: not a new message\n",
  "From: someone@example.org\nSubject: starts with a From: header\n\nx\n",
].map((m) => Buffer.from(m));

async function roundTrip(input: Buffer[], chunk: number): Promise<Buffer[]> {
  const mbox = writeMboxrd(input);
  return collect(readMbox(inChunks(mbox, chunk)));
}

describe("writeMboxrd", () => {
  it("writes the lore/public-inbox separator, escapes `^>*From ` with one more `>`, and ends with an empty line", () => {
    const entry = formatMboxrdEntry(Buffer.from("Subject: s\n\nFrom a\n>From b\nFromage\n"));
    expect(entry.toString()).toBe(`${MBOXRD_FROM_LINE}\nSubject: s\n\n>From a\n>>From b\nFromage\n\n`);
  });

  it("gives back identical bytes when read again, for bodies with `From ` and `>From ` lines", async () => {
    for (const chunk of [1, 7, 1 << 16]) expect(await roundTrip(messages, chunk)).toEqual(messages);
  });

  it("adds the final newline a message lacks, which is all that changes on reading back", async () => {
    const [back] = await roundTrip([Buffer.from("Subject: s\n\nno newline")], 64);
    expect(back!.toString()).toBe("Subject: s\n\nno newline\n");
  });

  it("streams the same bytes it writes in memory", async () => {
    expect(Buffer.concat(await collect(streamMboxrd(messages))).equals(writeMboxrd(messages))).toBe(true);
  });

  it("accepts a per-message `From ` line and refuses one that is not a separator", () => {
    expect(formatMboxrdEntry(Buffer.from("A: b\n"), "From x Mon Sep 17 00:00:00 2001").toString()).toBe(
      "From x Mon Sep 17 00:00:00 2001\nA: b\n\n",
    );
    expect(() => formatMboxrdEntry(Buffer.from("A: b\n"), "Subject: x")).toThrow(TypeError);
    expect(() => formatMboxrdEntry(Buffer.from("A: b\n"), "From x\nSubject: y")).toThrow(TypeError);
  });
});
