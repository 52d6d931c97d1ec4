import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseProjectsFile } from "../../config/projects-file";
import { writeMboxrd } from "../../mbox/write-mboxrd";
import { explainMessage } from "../../db/messages/explain-message";
import { listMessagesJson } from "../../db/messages/list-messages-json";
import { importFiles } from "./test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";

// Every email is hostile until proven otherwise: each of these must be stored raw, and
// either processed or flagged with a clear error; none may stop the import.
let t: TestDatabase;
let dir: string;
const projects = parseProjectsFile(JSON.stringify({ projects: [{ name: "test" }] }), "test").projects;

function mail(headers: Record<string, string>, body: string | Buffer): Buffer {
  const head = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return Buffer.concat([
    Buffer.from(`${head}\n\n`, "utf8"),
    Buffer.isBuffer(body) ? body : Buffer.from(body, "utf8"),
  ]);
}

const base = {
  From: "Mallory <mallory@example.com>",
  To: "list@example.com",
  Date: "Mon, 6 Oct 2025 10:00:00 +0000",
};
const patchBody =
  "Signed-off-by: Mallory <mallory@example.com>\n---\n a | 1 +\n\ndiff --git a/a b/a\n--- a/a\n+++ b/a\n@@ -0,0 +1 @@\n+x\n";

const hostile: { name: string; raw: Buffer }[] = [
  {
    name: "truncated MIME",
    raw: mail(
      {
        ...base,
        "Message-ID": "<truncated@example.com>",
        Subject: "[PATCH] cut off",
        "MIME-Version": "1.0",
        "Content-Type": 'multipart/mixed; boundary="XX"',
      },
      "--XX\nContent-Type: text/plain\n\nhello\n--XX\nContent-Type: text/x-patch\nContent-Transfer-Encoding: base64\n\nZGlmZiAtLWdpdCBh",
    ),
  },
  {
    name: "NUL bytes",
    raw: mail(
      { ...base, "Message-ID": "<nul@example.com>", Subject: "[PATCH] nul\u0000here" },
      `body with \u0000 NUL\n${patchBody}`,
    ),
  },
  {
    name: "a 10 MB attachment",
    raw: mail(
      {
        ...base,
        "Message-ID": "<big@example.com>",
        Subject: "[PATCH] big",
        "MIME-Version": "1.0",
        "Content-Type": 'multipart/mixed; boundary="B"',
      },
      `--B\nContent-Type: text/plain\n\n${patchBody}\n--B\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n${crypto
        .randomBytes(7_500_000)
        .toString("base64")
        .replace(/.{76}/g, "$&\n")}\n--B--\n`,
    ),
  },
  {
    name: "same Message-ID, other content (1)",
    raw: mail({ ...base, "Message-ID": "<dup@example.com>", Subject: "[PATCH] first" }, patchBody),
  },
  {
    name: "same Message-ID, other content (2)",
    raw: mail({ ...base, "Message-ID": "<dup@example.com>", Subject: "[PATCH] second" }, patchBody + "\n"),
  },
  { name: "no Message-ID", raw: mail({ ...base, Subject: "[PATCH] anonymous" }, patchBody) },
  {
    name: "shell and ref metacharacters in the id",
    raw: mail(
      {
        ...base,
        "Message-ID": "<a;$HOME`id`|/../..@{-1}~^:?*[\\@x>",
        Subject: "[PATCH] $(reboot); ../../etc/passwd @{u}",
      },
      patchBody,
    ),
  },
  {
    name: "white space and a comment in the id",
    raw: mail(
      { ...base, "Message-ID": "<a $(touch /tmp/pwned) b@x>", Subject: "[PATCH] spaced id" },
      patchBody,
    ),
  },
  {
    name: "an encoded newline in the subject",
    raw: mail(
      {
        ...base,
        "Message-ID": "<newline@example.com>",
        Subject: "=?utf-8?q?[PATCH]_a=0ABcc:_victim@example.com?=",
      },
      patchBody,
    ),
  },
  {
    name: "HTML and script",
    raw: mail(
      {
        ...base,
        "Message-ID": "<html@example.com>",
        Subject: "<script>alert(1)</script>",
        "Content-Type": "text/html",
      },
      "<p onclick=x>hi<script>alert(1)</script></p>",
    ),
  },
  { name: "binary garbage", raw: crypto.randomBytes(4096) },
  { name: "no headers at all", raw: Buffer.from("\n\njust a body\n") },
  {
    name: "an unknown charset",
    raw: mail(
      {
        ...base,
        "Message-ID": "<charset@example.com>",
        Subject: "[PATCH] x",
        "Content-Type": "text/plain; charset=x-no-such",
      },
      Buffer.from("caf\xe9\n", "latin1"),
    ),
  },
  {
    name: "a broken date",
    raw: mail(
      {
        ...base,
        Date: "yesterday-ish, 99 Foo 20x5",
        "Message-ID": "<date@example.com>",
        Subject: "[PATCH] when",
      },
      patchBody,
    ),
  },
];

beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-hostile-"));
  fs.writeFileSync(path.join(dir, "hostile.mbox"), writeMboxrd(hostile.map((h) => h.raw)));
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("hostile mail", () => {
  it("is stored raw, every piece of it, and the import goes on to the end", async () => {
    const [s] = await importFiles(t.db, [path.join(dir, "hostile.mbox")], projects, "test");
    expect(s!.read).toBe(hostile.length);
    expect(await t.prisma.rawMessage.count()).toBe(hostile.length);
    expect(await t.prisma.rawMessage.count({ where: { state: "pending" } })).toBe(0);
    expect(fs.existsSync("/tmp/pwned")).toBe(false);
  });

  it("a Message-ID seen twice with other content keeps the first copy and flags the second", async () => {
    const m = await t.prisma.message.findUniqueOrThrow({ where: { msgid: "dup@example.com" } });
    expect(m.subject).toBe("[PATCH] first");
    const dup = await t.prisma.rawMessage.findFirstOrThrow({ where: { state: "duplicate" } });
    expect(dup.error).toBe("duplicate-message-id");
  });

  it("NUL bytes are replaced, not fatal; metacharacters in ids are kept as data", async () => {
    const nul = await t.prisma.message.findUniqueOrThrow({ where: { msgid: "nul@example.com" } });
    expect(nul.body).not.toContain("\u0000");
    const weird = await t.prisma.message.findUniqueOrThrow({
      where: { msgid: "a;$HOME`id`|/../..@{-1}~^:?*[\\@x" },
    });
    expect(weird.subject).toBe("[PATCH] $(reboot); ../../etc/passwd @{u}");
    expect(weird.kind).toBe("patch");
    // White space cannot be part of a Message-ID (RFC 5322 §3.6.4): a stable one is derived.
    const spaced = await t.prisma.message.findFirstOrThrow({ where: { subject: "[PATCH] spaced id" } });
    expect(spaced.msgidSynthesized).toBe(true);
  });

  it("a subject cannot smuggle a header line", async () => {
    const m = await t.prisma.message.findUniqueOrThrow({ where: { msgid: "newline@example.com" } });
    expect(m.subject).not.toMatch(/[\r\n]/);
  });

  it("an HTML-only body is kept as text without markup", async () => {
    const m = await t.prisma.message.findUniqueOrThrow({ where: { msgid: "html@example.com" } });
    expect(m.body).not.toMatch(/<script|<p/);
  });

  it("the big message is stored and its patch found; a broken date is null with a warning", async () => {
    const big = await t.prisma.message.findUniqueOrThrow({ where: { msgid: "big@example.com" } });
    expect(big.kind).toBe("patch");
    const dated = await t.prisma.message.findUniqueOrThrow({ where: { msgid: "date@example.com" } });
    expect(dated.date).toBeNull();
    expect(dated.warnings.join(" ")).toMatch(/date/i);
  });

  it("every message is listed with its kind or its error, and `why` explains each", async () => {
    const listed = await listMessagesJson(t.db, "test");
    expect(listed.length).toBe(hostile.length);
    for (const m of listed) {
      const why = await explainMessage(t.db, m.msgid);
      expect(why, m.msgid).not.toBeNull();
      expect(why!.length).toBeGreaterThan(0);
    }
    const errors = listed.filter((m) => m.error);
    expect(errors.map((e) => e.error).join("\n")).toMatch(/duplicate-message-id/);
  });
});
