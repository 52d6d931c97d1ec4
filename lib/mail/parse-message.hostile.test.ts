import { describe, expect, it } from "vitest";

import {
  MAX_BODY_TEXT_CHARS,
  MAX_HEADER_FIELDS,
  MAX_HEADER_LINE_BYTES,
  MAX_MIME_DEPTH,
  MAX_RAW_BYTES,
} from "./limits";
import { parseMessage } from "./parse-message";
import { patchewMessages } from "./test-support/fixtures";
import type { Mail, ParseError } from "./types";

// Limits, malformed input and header semantics: every mail is written by a stranger.

const HEADERS =
  "Message-ID: <m@example.com>\nFrom: A <a@example.com>\nTo: list@example.com\nSubject: [PATCH] x\nDate: Tue, 28 Jun 2016 09:47:47 +0800\n";

async function ok(raw: string | Buffer): Promise<Mail> {
  const result = await parseMessage(typeof raw === "string" ? Buffer.from(raw, "utf8") : raw);
  if (!result.ok) throw new Error(`${result.error}: ${result.detail}`);
  return result.mail;
}

async function fails(raw: string | Buffer): Promise<ParseError> {
  const result = await parseMessage(typeof raw === "string" ? Buffer.from(raw, "utf8") : raw);
  if (result.ok) throw new Error("expected a parse error");
  return result.error;
}

function nested(depth: number): string {
  let body = "Content-Type: text/plain\n\ninnermost\n";
  for (let i = 0; i < depth; i++)
    body = `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n${body}--b${i}--\n`;
  return body;
}

describe("parseMessage limits", () => {
  it("a message over the size limit is too-large", async () => {
    expect(await fails(Buffer.alloc(MAX_RAW_BYTES + 1, 0x61))).toBe("too-large");
  });

  it("the size limit can be lowered by the caller", async () => {
    const result = await parseMessage(Buffer.from(`${HEADERS}\nbody\n`), { maxRawBytes: 10 });
    expect(result).toMatchObject({ ok: false, error: "too-large" });
  });

  it("too many header fields is too-many-headers", async () => {
    expect(await fails(`${HEADERS}${"X-Spam: 1\n".repeat(MAX_HEADER_FIELDS)}\nbody\n`)).toBe(
      "too-many-headers",
    );
  });

  it("a header line over the limit is header-too-long", async () => {
    expect(
      await fails(`${HEADERS}References: ${"<a@b> ".repeat(MAX_HEADER_LINE_BYTES / 6 + 1)}\n\nbody\n`),
    ).toBe("header-too-long");
  });

  it("multiparts nested too deep are mime-too-deep", async () => {
    expect(await fails(`${HEADERS}MIME-Version: 1.0\n${nested(MAX_MIME_DEPTH + 2)}`)).toBe("mime-too-deep");
  });

  it("multiparts nested within the limit parse", async () => {
    expect((await ok(`${HEADERS}MIME-Version: 1.0\n${nested(5)}`)).body).toContain("innermost");
  });

  it("too many MIME parts is too-many-parts", async () => {
    const parts = Array.from({ length: 600 }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${i}\n`).join(
      "",
    );
    expect(
      await fails(
        `${HEADERS}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n${parts}--b--\n`,
      ),
    ).toBe("too-many-parts");
  });

  it.each([
    ["an empty message", ""],
    ["text without headers", "just some text\nand more\n"],
    ["binary garbage", "\u0000\u0001\u0002"],
  ])("%s is no-headers", async (_, raw) => {
    expect(await fails(raw)).toBe("no-headers");
  });

  it("a body over the text limit is cut with a warning", async () => {
    const mail = await ok(`${HEADERS}\n${"x".repeat(MAX_BODY_TEXT_CHARS + 10)}\n`);
    expect(mail.body).toHaveLength(MAX_BODY_TEXT_CHARS);
    expect(mail.warnings.join("\n")).toMatch(/body cut/);
  });
});

describe("parseMessage on malformed input", () => {
  it("NUL bytes in headers and body parse", async () => {
    const mail = await ok(`${HEADERS}X-Bad: a\u0000b\n\nbody\u0000text\n`);
    expect(mail.messageId).toBe("m@example.com");
  });

  it("a truncated multipart (no closing boundary) keeps what arrived", async () => {
    const mail = await ok(
      `${HEADERS}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nhalf a mess`,
    );
    expect(mail.body).toContain("half a mess");
  });

  it("a 10 MB attachment does not get in the way", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 1)
      .toString("base64")
      .replace(/.{76}/g, "$&\n");
    const raw = `${HEADERS}MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nsee attached\n--b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n${big}\n--b--\n`;
    const mail = await ok(raw);
    expect(mail.body).toBe("see attached");
  });

  it.each([
    ["shell syntax", "[PATCH] $(rm -rf /); `id` | ../../etc/passwd @{u}"],
    ["an encoded newline", "=?utf-8?q?line1=0Aline2?="],
  ])("a subject with %s is kept as text", async (_, subject) => {
    const mail = await ok(`Message-ID: <m@x>\nFrom: a@b\nSubject: ${subject}\n\nbody\n`);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject.length).toBeGreaterThan(0);
  });

  it.each([
    ["a newline-free id with shell syntax", "<$(id);../@{u}@x>", "$(id);../@{u}@x"],
    ["an id with a space", "<a b@x>", null],
    ["an empty id", "<>", null],
    ["a missing id", null, null],
  ])("Message-ID %s", async (_, header, expected) => {
    const mail = await ok(
      `${header === null ? "" : `Message-ID: ${header}\n`}From: a@b\nSubject: s\n\nbody\n`,
    );
    if (expected === null) {
      expect(mail.messageIdSynthesized).toBe(true);
      expect(mail.messageId).toMatch(/^[0-9a-f]{32}@patchwatch\.invalid$/);
      expect(mail.warnings.join("\n")).toMatch(/no usable Message-ID/);
    } else expect(mail.messageId).toBe(expected);
  });

  it("a raw Latin-1 subject is read as Windows-1252, not as replacement characters", async () => {
    const raw = Buffer.concat([
      Buffer.from("Message-ID: <m@x>\nFrom: a@b\nSubject: [PATCH] caf"),
      Buffer.from([0xe9]),
      Buffer.from("\n\nbody\n"),
    ]);
    const mail = await ok(raw);
    expect(mail.subject).toBe("[PATCH] café");
    expect(mail.warnings.join("\n")).toMatch(/Subject has raw bytes/);
  });

  it("only the first top-level Message-ID counts", async () => {
    expect((await ok(`Message-ID: <first@x>\nMessage-ID: <second@x>\nFrom: a@b\n\nbody\n`)).messageId).toBe(
      "first@x",
    );
  });

  it.each([
    ["a broken date", "Date: the day after tomorrow\n", /unreadable Date/],
    ["no date", "", /no Date header/],
  ])("%s gives a null date and a warning", async (_, header, warning) => {
    const mail = await ok(`Message-ID: <m@x>\nFrom: a@b\n${header}Subject: s\n\nbody\n`);
    expect(mail.date).toBeNull();
    expect(mail.warnings.join("\n")).toMatch(warning);
  });

  it("References are normalised and deduplicated, with In-Reply-To appended", async () => {
    const mail = await ok(
      `Message-ID: <m@x>\nFrom: a@b\nIn-Reply-To: <p@x> (A's message of Tue)\nReferences: <r1@x> junk <r2@x>\n <r1@x> <m@x>\n\nbody\n`,
    );
    expect(mail.inReplyTo).toBe("p@x");
    expect(mail.references).toEqual(["r1@x", "r2@x", "p@x"]);
  });

  it("References split over several fields are read in order", async () => {
    const mail = await ok(
      `Message-ID: <m@x>\nFrom: a@b\nReferences: <r1@x>\nReferences: <r2@x>\nIn-Reply-To: <r2@x>\n\nbody\n`,
    );
    expect(mail.references).toEqual(["r1@x", "r2@x"]);
  });

  it("the List-Id is the part in angle brackets, lower-cased", async () => {
    const mail = await ok(
      `Message-ID: <m@x>\nFrom: a@b\nList-Id: Development discussions\n\t<Libvir-List.redhat.com>\n\nbody\n`,
    );
    expect(mail.listId).toBe("libvir-list.redhat.com");
  });

  it.each([
    ["Auto-Submitted: auto-generated", true],
    ["Auto-Submitted: no", false],
    ["Precedence: bulk", true],
    ["Precedence: junk", true],
    ["Precedence: list", false],
    ["Precedence: bulk\nList-Id: <linux-kernel.vger.kernel.org>", false],
    ["Precedence: junk\nX-BeenThere: libvir-list@redhat.com", false],
  ])("%j marks a program's mail: %s", async (headers, expected) => {
    expect((await ok(`Message-ID: <m@x>\nFrom: a@b\n${headers}\n\nbody\n`)).autoSubmitted).toBe(expected);
  });

  it("an HTML-only mail gives text without markup", async () => {
    const mail = await ok(
      `${HEADERS}MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>Reviewed-by: A &lt;a@example.com&gt;</p><script>x()</script></body></html>\n`,
    );
    expect(mail.body).toBe("Reviewed-by: A <a@example.com>");
    expect(mail.trailers.map((t) => t.key)).toEqual(["reviewed-by"]);
  });

  it("addresses are lower-cased and groups flattened", async () => {
    const mail = await ok(
      `Message-ID: <m@x>\nFrom: "Doe, Jane" <Jane@Example.COM>\nTo: Friends: A <A@X.org>, b@y.org;, c@z.org\nCc: undisclosed-recipients:;\n\nbody\n`,
    );
    expect(mail.from).toEqual({ name: "Doe, Jane", email: "jane@example.com" });
    expect(mail.to.map((a) => a.email)).toEqual(["a@x.org", "b@y.org", "c@z.org"]);
    expect(mail.cc).toEqual([]);
  });

  it("a patch's trailers come from its commit message, not from the notes below ---", async () => {
    const mail = await ok(
      `${HEADERS}\nFix it.\n\nSigned-off-by: A <a@example.com>\n---\nv2: Reviewed-by: B <b@example.com> was dropped\nAcked-by: C <c@example.com>\n f | 1 +\n\ndiff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n a\n+b\n`,
    );
    expect(mail.trailers.map((t) => t.key)).toEqual(["signed-off-by"]);
  });

  it("a Based-on below --- of a patch is still a hint", async () => {
    const mail = await ok(
      `${HEADERS}\nFix it.\n---\nBased-on: <base@x>\n\ndiff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n a\n+b\n`,
    );
    expect(mail.hints.basedOn).toEqual(["base@x"]);
  });

  it("a leading mbox From line is skipped and not hashed into a synthesized id", async () => {
    const message = "From: a@b\nSubject: s\n\nbody\n";
    const [plain, withEnvelope] = await Promise.all([
      ok(message),
      ok(`From a@b Mon Jan  1 00:00:00 2024\n${message}`),
    ]);
    expect(withEnvelope.messageId).toBe(plain.messageId);
  });

  it("every fixture parses the same twice (no hidden state, no clock)", async () => {
    const raw = patchewMessages("0004-multiple-patch-reviewed.mbox.gz")[1]!;
    const [a, b] = [await ok(raw), await ok(raw)];
    expect(b).toEqual(a);
  });
});
