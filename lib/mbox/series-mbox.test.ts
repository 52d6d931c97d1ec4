import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import type { CollectedTrailer } from "./am-trailers";
import { readMbox } from "./mboxrd";
import { amCover, amMessage, type AmPatch } from "./series-mbox";
import { collect, inChunks } from "./test-support/chunks";
import { writeMboxrd } from "./write-mboxrd";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "__fixtures__/am", name));

function split(message: Buffer): { header: string; body: Buffer } {
  const crlf = message.indexOf("\r\n\r\n");
  const lf = message.indexOf("\n\n");
  const [end, skip] = crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : [lf, 2];
  return { header: message.toString("latin1", 0, end), body: message.subarray(end + skip) };
}

const reviewer = (line: string, origin: CollectedTrailer["origin"] = "reply-to-patch"): CollectedTrailer => {
  const [, kind = "", name = "", email = ""] = /^([^:]+): (.*) <(.*)>$/.exec(line) ?? [];
  return { kind, key: kind.toLowerCase(), line, name, email, origin, sender: { name, email } };
};

function patch(raw: Buffer, trailers: CollectedTrailer[], over: Partial<AmPatch> = {}): AmPatch {
  return {
    raw,
    subject: {
      title: "openposix/aio_cancel: Add helper functions",
      version: 1,
      explicitVersion: false,
      isRfc: false,
      part: { index: 1, total: 3 },
    },
    author: { name: "Martin Doucha", email: "mdoucha@suse.cz" },
    trailers,
    ...over,
  };
}

const CYRIL = "Reviewed-by: Cyril Hrubis <chrubis@suse.cz>";
const ANDREA = "Reviewed-by: Andrea Cervesato <andrea.cervesato@suse.com>";

describe("amMessage on real LTP patches", () => {
  it("adds the tags after the author's Signed-off-by, before `---`, and leaves every other body byte alone", () => {
    const raw = fixture("plain-7bit.eml");
    const out = amMessage(patch(raw, [reviewer(ANDREA, "reply-to-cover"), reviewer(CYRIL)]));
    expect(out.added).toEqual([CYRIL, ANDREA]);
    const before = split(raw).body.toString("latin1");
    const after = split(out.raw).body.toString("latin1");
    const sob = "Signed-off-by: Martin Doucha <mdoucha@suse.cz>\n";
    expect(after).toBe(before.replace(sob, `${sob}${CYRIL}\n${ANDREA}\n`));
  });

  it("keeps From, Date and Message-ID byte for byte, writes b4's subject, and drops the transport headers", () => {
    const raw = fixture("plain-7bit.eml");
    const { header } = split(amMessage(patch(raw, [])).raw);
    const original = split(raw).header;
    for (const name of ["From", "Date", "Message-ID"]) {
      const field = new RegExp(`^${name}:.*(\\n[ \\t].*)*`, "im").exec(original)![0];
      expect(header).toContain(field);
    }
    expect(header).toMatch(/^Subject: \[PATCH 1\/3\] openposix\/aio_cancel: Add helper functions$/m);
    expect(header).not.toMatch(/^(Received|DKIM-Signature|To|Cc|List-Id|Reply-To):/im);
  });

  it("gives the author back when the list rewrote From for DMARC", () => {
    const raw = fixture("dmarc-munged-from.eml");
    expect(split(raw).header).toMatch(/^From: Guixiong Wei via ltp <ltp@lists.linux.it>$/m);
    const out = amMessage(
      patch(raw, [], { author: { name: "Guixiong Wei", email: "weiguixiong@bytedance.com" } }),
    );
    expect(split(out.raw).header).toMatch(/^From: Guixiong Wei <weiguixiong@bytedance.com>$/m);
  });

  it("decodes a base64 patch, adds the tags, and writes it as 8bit text with the same bytes", () => {
    const raw = fixture("base64-in-body-from.eml");
    const tested = "Tested-by: Petr Vorel <pvorel@suse.cz>";
    const out = amMessage(patch(raw, [reviewer(tested), reviewer(CYRIL)]));
    // Cyril's tag is in the patch already.
    expect(out.added).toEqual([tested]);
    const { header, body } = split(out.raw);
    expect(header).toMatch(/^Content-Transfer-Encoding: 8bit$/m);
    const decoded = Buffer.from(split(raw).body.toString("latin1"), "base64").toString("utf8");
    expect(decoded).toMatch(/^From: Ricardo B. Marlière <rbm@suse.com>\n/);
    expect(body.toString("utf8")).toBe(
      decoded.replace(
        `${CYRIL}\nSigned-off-by: Ricardo B. Marlière <rbm@suse.com>\n`,
        (m) => `${m}${tested}\n`,
      ),
    );
  });

  it("relabels a charset no decoder knows as UTF-8 inside mailman's multipart wrapper, footer untouched", () => {
    const raw = fixture("mailman-multipart-charset-u.eml");
    const out = amMessage(patch(raw, [reviewer(CYRIL)]));
    expect(out.added).toEqual([CYRIL]);
    const text = out.raw.toString("latin1");
    expect(text).toContain('Content-Type: multipart/mixed; boundary="===============1747582365=="');
    expect(text).toContain("--===============1747582365==\nContent-Type: text/plain; charset=UTF-8\n");
    expect(text).toMatch(
      /Signed-off-by: Cyril Hrubis <chrubis@suse.cz>\nReviewed-by: Cyril Hrubis <chrubis@suse.cz>\n---\n/,
    );
    const footer = raw.subarray(
      raw.lastIndexOf('--===============1747582365==\nContent-Type: text/plain; charset="us-ascii"'),
    );
    expect(out.raw.subarray(out.raw.length - footer.length).equals(footer)).toBe(true);
  });

  it("writes the cover letter with the series' subject and nothing added", () => {
    const cover = Buffer.from("From: A <a@x.org>\nSubject: [LTP] [PATCH 0/3] Rewrite\n\nThe cover.\n");
    const subject = {
      title: "Rewrite",
      version: 1,
      explicitVersion: false,
      isRfc: false,
      part: { index: 0, total: 3 },
    };
    expect(amCover({ raw: cover, subject, author: { name: "A", email: "a@x.org" } }).toString()).toBe(
      "From: A <a@x.org>\nSubject: [PATCH 0/3] Rewrite\n\nThe cover.\n",
    );
  });
});

const mail = (head: string, body: string | Buffer) =>
  Buffer.concat([Buffer.from(`${head}\n\n`, "latin1"), Buffer.from(body)]);
const HEAD = "From: A <a@x.org>\nDate: Mon, 9 Mar 2026 10:00:00 +0000\nSubject: [PATCH] t";
const DIFF = "---\n f | 1 +\n\ndiff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1 +1 @@\n-x\n+y\n";

describe("amMessage on hostile mail", () => {
  it("keeps NUL bytes of a 7bit body where they are", () => {
    const raw = mail(HEAD, Buffer.from(`Fix\u0000it.\n\nSigned-off-by: A <a@x.org>\n${DIFF}`, "latin1"));
    const out = amMessage(patch(raw, [reviewer(CYRIL)]));
    expect(split(out.raw).body.toString("latin1")).toBe(
      `Fix\u0000it.\n\nSigned-off-by: A <a@x.org>\n${CYRIL}\n${DIFF}`,
    );
  });

  it("writes CRLF where the mail uses CRLF (mail read over IMAP)", () => {
    const raw = Buffer.from(`${HEAD}\n\nFix.\n\nSigned-off-by: A <a@x.org>\n${DIFF}`.replace(/\n/g, "\r\n"));
    const out = amMessage(patch(raw, [reviewer(CYRIL)], { author: { name: "A", email: "a@x.org" } }));
    const text = out.raw.toString("latin1");
    expect(text).toContain(`Subject: [PATCH 1/3] openposix/aio_cancel: Add helper functions\r\n`);
    expect(text).toContain(`Signed-off-by: A <a@x.org>\r\n${CYRIL}\r\n---\r\n`);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("escapes `From ` lines of the commit message in the mbox, and reading the mbox gives them back", async () => {
    const raw = mail(
      HEAD,
      `Fix.\n\nFrom now on it works.\n>From quoted.\n\nSigned-off-by: A <a@x.org>\n${DIFF}`,
    );
    const out = amMessage(patch(raw, [reviewer(CYRIL)]));
    const mbox = writeMboxrd([out.raw, out.raw]);
    expect(mbox.toString()).toContain("\n>From now on it works.\n>>From quoted.\n");
    expect(await collect(readMbox(inChunks(mbox, 5)))).toEqual([out.raw, out.raw]);
  });

  it("moves a Latin-1 body to UTF-8 when a tag needs characters Latin-1 lacks", () => {
    const head = `${HEAD}\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit`;
    const raw = mail(head, Buffer.from(`Caf\u00e9.\n\nSigned-off-by: A <a@x.org>\n${DIFF}`, "latin1"));
    const out = amMessage(patch(raw, [reviewer("Tested-by: Jan Stančerk <jan@x.org>")]));
    const { header, body } = split(out.raw);
    expect(header).toMatch(/^Content-Type: text\/plain; charset=UTF-8$/m);
    expect(header).toMatch(/^Content-Transfer-Encoding: 8bit$/m);
    expect(body.toString("utf8")).toBe(
      `Café.\n\nSigned-off-by: A <a@x.org>\nTested-by: Jan Stančerk <jan@x.org>\n${DIFF}`,
    );
  });

  it("marks a 7bit us-ascii body 8bit UTF-8 when a tag is not ASCII, and adds Content-Type when there was none", () => {
    const raw = mail(HEAD, `Fix.\n\nSigned-off-by: A <a@x.org>\n${DIFF}`);
    const { header, body } = split(
      amMessage(patch(raw, [reviewer("Tested-by: Jan Stančerk <jan@x.org>")])).raw,
    );
    expect(header).toMatch(
      /^MIME-Version: 1\.0\nContent-Type: text\/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit$/m,
    );
    expect(body.toString("utf8")).toContain("Tested-by: Jan Stančerk <jan@x.org>\n---\n");
  });

  it("decodes quoted-printable, and keeps base64 when the text holds a CR that 8bit would lose", () => {
    const qp = mail(
      `${HEAD}\nContent-Transfer-Encoding: quoted-printable`,
      `Fix =3D it, a long=\n line.\n\nSigned-off-by: A <a@x.org>\n${DIFF}`,
    );
    expect(split(amMessage(patch(qp, [reviewer(CYRIL)])).raw).body.toString()).toBe(
      `Fix = it, a long line.\n\nSigned-off-by: A <a@x.org>\n${CYRIL}\n${DIFF}`,
    );
    const text = `Fix.\n\nSigned-off-by: A <a@x.org>\n${DIFF}`.replace("+y\n", "+y\r\n");
    const b64 = mail(
      `${HEAD}\nContent-Transfer-Encoding: base64`,
      Buffer.from(text).toString("base64").replace(/.{76}/g, "$&\n"),
    );
    const { header, body } = split(amMessage(patch(b64, [reviewer(CYRIL)])).raw);
    expect(header).toMatch(/^Content-Transfer-Encoding: base64$/m);
    expect(Buffer.from(body.toString(), "base64").toString()).toBe(text.replace("---\n", `${CYRIL}\n---\n`));
  });

  it("adds nothing to a mail with no text part, and says so in a header git ignores", () => {
    const raw = mail(`${HEAD}\nContent-Type: text/html`, "<p>Signed-off-by: A</p>\n");
    const out = amMessage(patch(raw, [reviewer(CYRIL)]));
    expect(out.added).toEqual([]);
    expect(out.problem).toBe("no text/plain part for the commit message");
    expect(split(out.raw).header).toMatch(/^X-Patchwatch-Warning: trailers not added: no text\/plain part/m);
    expect(split(out.raw).body.toString()).toBe("<p>Signed-off-by: A</p>\n");
  });

  it("survives a mail without a header/body separator, and one with no header at all", () => {
    expect(amMessage(patch(Buffer.from("Subject: x"), [reviewer(CYRIL)])).raw.toString()).toContain(
      `\n\n${CYRIL}\n`,
    );
    const bare = amMessage(patch(Buffer.from("just text\n"), [reviewer(CYRIL)])).raw.toString();
    expect(bare).toMatch(/^From: Martin Doucha <mdoucha@suse.cz>\nSubject: \[PATCH 1\/3\]/);
  });

  it("handles a 24 MB patch in one pass", () => {
    const big = "+".concat("x".repeat(78), "\n").repeat(300_000);
    const raw = mail(HEAD, `Fix.\n\nSigned-off-by: A <a@x.org>\n${DIFF}${big}`);
    const out = amMessage(patch(raw, [reviewer(CYRIL)]));
    expect(out.added).toEqual([CYRIL]);
    expect(split(out.raw).body.length).toBe(split(raw).body.length + CYRIL.length + 1);
  });
});
