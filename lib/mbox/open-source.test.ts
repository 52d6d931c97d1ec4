import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

import { afterAll, describe, expect, it } from "vitest";

import { openMessageSource } from "./open-source";
import { MessageSourceError } from "./source-error";
import { collect, messageIdOf } from "./test-support/chunks";

const fixtures = path.resolve(__dirname, "../mail/__fixtures__");
const LTP = path.resolve(__dirname, "../../prisma/seed/ltp-2025-09..2026-03.mbox.gz");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-source-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function problem(source: string): Promise<MessageSourceError> {
  const error = await collect(openMessageSource(source)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MessageSourceError);
  return error as MessageSourceError;
}

/**
 * Open file descriptors of this process (Linux; 0 elsewhere, which makes the checks pass
 * trivially), once closes already asked for have had time to finish: fs.close is asynchronous.
 */
async function openDescriptors(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 25));
  return fs.existsSync("/proc/self/fd") ? fs.readdirSync("/proc/self/fd").length : 0;
}

const write = (name: string, content: Buffer | string) => {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
};

// Message counts from lib/mail/__fixtures__/patchew/README.md ("Before you parse these").
const patchewCounts: Record<string, number> = {
  "0003-single-patch-reviewed.mbox.gz": 3,
  "0004-multiple-patch-reviewed.mbox.gz": 5,
  "0009-obsolete-by.mbox.gz": 3,
  "0012-incomplete-series.mbox.gz": 4,
  "0028-tags-need-8bit-encoding.mbox.gz": 2,
  "0030-obsolete-by-v3.mbox.gz": 3,
  "0031-supersedes-embedded.mbox.gz": 2,
  "0032-supersedes-separate.mbox.gz": 3,
};
const patchewMail = fs
  .readdirSync(path.join(fixtures, "patchew"))
  .filter((f) => f.endsWith(".gz") && !f.endsWith(".json.gz"));

describe("openMessageSource on patchew's test files (gzip; some mbox, some single messages)", () => {
  it.each(patchewMail)("%s gives the README's number of messages", async (name) => {
    const messages = await collect(openMessageSource(path.join(fixtures, "patchew", name)));
    expect(messages).toHaveLength(patchewCounts[name] ?? 1);
    for (const m of messages) expect(m.raw.subarray(0, 5).toString()).not.toBe("From ");
  });

  it("reads a file without a `From ` line as one message, byte for byte", async () => {
    const file = path.join(fixtures, "patchew", "0038-octet-stream.mbox.gz");
    const [message] = await collect(openMessageSource(file));
    expect(message!.raw.equals(zlib.gunzipSync(fs.readFileSync(file)))).toBe(true);
    expect(message!.origin).toBe("0038-octet-stream.mbox.gz");
  });

  it("numbers mbox messages in their origin and keeps each one's own Message-ID", async () => {
    const messages = await collect(
      openMessageSource(path.join(fixtures, "patchew", "0009-obsolete-by.mbox.gz")),
    );
    expect(messages.map((m) => m.origin)).toEqual([1, 2, 3].map((n) => `0009-obsolete-by.mbox.gz#${n}`));
    expect(messages.map((m) => messageIdOf(m.raw))).toEqual(
      [1, 2, 3].map((n) => `20160628014747.20971-${n}-famz@redhat.com`),
    );
  });

  it.each(["0022-another-simple-patch.json.gz", "0024-multiple-project-patch.json.gz"])(
    "refuses %s as `not-mail` (a REST body) before yielding anything",
    async (name) => {
      const error = await problem(path.join(fixtures, "patchew", name));
      expect(error.reason).toBe("not-mail");
      expect(error.code).toBe("source-unreadable");
      expect(error.message).toMatch(/JSON, not mail/);
    },
  );
});

describe("openMessageSource on patchwork's test files (one message each)", () => {
  const files = fs.readdirSync(path.join(fixtures, "patchwork")).filter((f) => f.endsWith(".mbox"));

  it.each(files)("%s gives one message", async (name) => {
    const file = path.join(fixtures, "patchwork", name);
    const messages = await collect(openMessageSource(file));
    expect(messages).toHaveLength(1);
    const bytes = fs.readFileSync(file);
    // A file with a `From ` line loses that line, and the empty line that ends an mbox entry.
    if (bytes.subarray(0, 5).toString() === "From ") {
      let expected = bytes.subarray(bytes.indexOf(10) + 1);
      if (expected.subarray(-2).toString() === "\n\n") expected = expected.subarray(0, -1);
      expect(messages[0]!.raw.equals(expected)).toBe(true);
    } else expect(messages[0]!.raw.equals(bytes)).toBe(true);
  });
});

describe("openMessageSource on the LTP archive", () => {
  it("reads the gzip file by content and yields 2,395 messages", async () => {
    let count = 0;
    for await (const m of openMessageSource(LTP)) {
      count++;
      if (count === 2395) expect(m.origin).toBe("ltp-2025-09..2026-03.mbox.gz#2395");
    }
    expect(count).toBe(2395);
  });

  it("stops reading, and closes the file, when the caller stops early", async () => {
    const readTwo = async () => {
      const first: string[] = [];
      for await (const m of openMessageSource(LTP)) {
        first.push(m.origin);
        if (first.length === 2) break;
      }
      return first;
    };
    expect(await readTwo()).toEqual(["ltp-2025-09..2026-03.mbox.gz#1", "ltp-2025-09..2026-03.mbox.gz#2"]);
    const once = await openDescriptors();
    for (let i = 0; i < 20; i++) await readTwo();
    expect(await openDescriptors()).toBeLessThanOrEqual(once);
  });
});

describe("openMessageSource decides by content, not by name", () => {
  it("reads an uncompressed mbox named .txt and a gzip file named .eml", async () => {
    const mbox = "From A\nSubject: 1\n\nx\n\nFrom B\nSubject: 2\n\ny\n";
    expect(await collect(openMessageSource(write("notes.txt", mbox)))).toHaveLength(2);
    expect(await collect(openMessageSource(write("one.eml", zlib.gzipSync(mbox))))).toHaveLength(2);
  });

  it("reads concatenated gzip members as one stream", async () => {
    const file = write(
      "two-members.gz",
      Buffer.concat([
        zlib.gzipSync("From A\nSubject: 1\n\n"),
        zlib.gzipSync("x\n\nFrom B\nSubject: 2\n\ny\n"),
      ]),
    );
    expect((await collect(openMessageSource(file))).map((m) => m.raw.toString())).toEqual([
      "Subject: 1\n\nx\n",
      "Subject: 2\n\ny\n",
    ]);
  });

  it("yields nothing for an empty file", async () => {
    expect(await collect(openMessageSource(write("empty", "")))).toEqual([]);
  });

  it("refuses JSON after white space, xz data, corrupt gzip, a missing path and an unknown directory", async () => {
    expect((await problem(write("body", '  \n {"mbox": "From x"}'))).reason).toBe("not-mail");
    expect((await problem(write("a.mbox.xz", Buffer.from("fd377a585a000004e6d6b446", "hex")))).reason).toBe(
      "unsupported-compression",
    );
    const corrupt = zlib.gzipSync(Buffer.alloc(100_000, "From A\n"));
    expect((await problem(write("bad.gz", corrupt.subarray(0, corrupt.length - 30)))).reason).toBe(
      "unreadable",
    );
    expect((await problem(path.join(scratch, "nope"))).reason).toBe("missing");
    fs.mkdirSync(path.join(scratch, "plain-dir"));
    expect((await problem(path.join(scratch, "plain-dir"))).reason).toBe("unknown-directory");
  });

  it("closes the file it refused, plain or gzip", async () => {
    const json = `{"mbox": "${"x".repeat(200_000)}"}`;
    const files = [write("big.json", json), write("big.json.gz", zlib.gzipSync(json))];
    for (const file of files) await problem(file);
    const once = await openDescriptors();
    for (let i = 0; i < 20; i++) for (const file of files) await problem(file);
    expect(await openDescriptors()).toBeLessThanOrEqual(once);
  });

  it("reads a directory with cur/ and new/ as a maildir", async () => {
    const dir = path.join(scratch, "Maildir");
    for (const sub of ["cur", "new", "tmp"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
    fs.writeFileSync(path.join(dir, "cur", "123:2,S"), "Subject: x\n\n");
    expect((await collect(openMessageSource(dir))).map((m) => m.origin)).toEqual(["maildir:cur/123:2,S"]);
  });
});
