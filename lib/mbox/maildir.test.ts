import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readMaildir } from "./maildir";
import { collect } from "./test-support/chunks";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-maildir-"));
const crlf = Buffer.from("Subject: crlf\r\nMessage-ID: <c@x>\r\n\r\nFrom here\r\n");

beforeAll(() => {
  for (const sub of ["cur", "new", "tmp"]) fs.mkdirSync(path.join(dir, sub));
  fs.writeFileSync(path.join(dir, "new", "1700000002.M2P2.host"), "Subject: second\n\nb\n");
  fs.writeFileSync(path.join(dir, "cur", "1700000001.M1P1.host:2,S"), "Subject: first\n\na\n");
  fs.writeFileSync(path.join(dir, "cur", "1700000003.M3P3.host:2,RS"), crlf);
  fs.writeFileSync(path.join(dir, "tmp", "1700000000.M0P0.host"), "Subject: still being delivered\n\n");
  fs.writeFileSync(path.join(dir, "cur", ".hidden"), "Subject: dot file\n\n");
  fs.mkdirSync(path.join(dir, "cur", "1700000004.not-a-file"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("readMaildir", () => {
  it("reads cur/ and new/ in file-name order, skipping tmp/, dot files and directories", async () => {
    const messages = await collect(readMaildir(dir));
    expect(messages.map((m) => m.origin)).toEqual([
      "maildir:cur/1700000001.M1P1.host:2,S",
      "maildir:new/1700000002.M2P2.host",
      "maildir:cur/1700000003.M3P3.host:2,RS",
    ]);
    expect(messages.map((m) => m.raw.toString().split("\n")[0])).toEqual([
      "Subject: first",
      "Subject: second",
      "Subject: crlf\r",
    ]);
  });

  it("keeps each file's bytes exactly, with no mbox un-escaping", async () => {
    const messages = await collect(readMaildir(dir));
    expect(messages[2]!.raw.equals(crlf)).toBe(true);
  });

  it("reads a maildir that has only new/", async () => {
    const only = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-maildir-new-"));
    try {
      fs.mkdirSync(path.join(only, "new"));
      fs.writeFileSync(path.join(only, "new", "1"), "Subject: x\n\n");
      expect((await collect(readMaildir(only))).map((m) => m.origin)).toEqual(["maildir:new/1"]);
    } finally {
      fs.rmSync(only, { recursive: true, force: true });
    }
  });
});
