import { describe, expect, it } from "vitest";

import { readMime } from "./read-mime";

// read-mime.ts empties MailParser's `textTypes` so that text parts arrive as bytes. If a
// mailparser upgrade changes that, these fail before any charset goes wrong silently.
describe("readMime", () => {
  it("text parts arrive as undecoded bytes with their charset", async () => {
    const raw = Buffer.concat([
      Buffer.from(
        'From: a@b\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nsmart =93quotes=94\n--b\nContent-Type: text/html; charset=utf-8\n\n<p>x</p>\n--b--\n',
      ),
    ]);
    const mime = await readMime(raw);
    expect(mime.parts.map((p) => [p.contentType, p.charset, p.depth])).toEqual([
      ["text/plain", "utf-8", 1],
      ["text/html", "utf-8", 1],
    ]);
    expect([...mime.parts[0]!.content!]).toEqual([...Buffer.from("smart \x93quotes\x94", "latin1")]);
  });

  it("images and signatures are drained without being kept", async () => {
    const raw = Buffer.from(
      'From: a@b\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nhi\n--b\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n',
    );
    const mime = await readMime(raw);
    expect(mime.parts.map((p) => [p.contentType, p.content === null])).toEqual([
      ["text/plain", false],
      ["image/png", true],
    ]);
  });

  it("a single-part message is one part at depth 0", async () => {
    const mime = await readMime(Buffer.from("From: A <A@B.org>\nSubject: =?utf-8?q?caf=C3=A9?=\n\nbody\n"));
    expect(mime).toMatchObject({ subject: "café", from: { name: "A", email: "a@b.org" }, to: [], cc: [] });
    expect(mime.parts).toHaveLength(1);
    expect(mime.parts[0]).toMatchObject({ contentType: "text/plain", depth: 0, disposition: "inline" });
  });
});
