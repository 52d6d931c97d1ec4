import { describe, expect, it } from "vitest";

import { formatDiffStat } from "../diff/format-stat";
import { parseMessage } from "./parse-message";
import { normalizeTitle } from "./subject";
import { patchewMessages } from "./test-support/fixtures";
import type { Mail } from "./types";

// Every "should derive" statement of __fixtures__/patchew/README.md that concerns parsing.

async function mails(name: string): Promise<Mail[]> {
  const out: Mail[] = [];
  for (const raw of patchewMessages(name)) {
    const result = await parseMessage(raw);
    if (!result.ok) throw new Error(`${name}: ${result.error}: ${result.detail}`);
    out.push(result.mail);
  }
  return out;
}

async function mail(name: string, index = 0): Promise<Mail> {
  const all = await mails(name);
  expect(all.length).toBeGreaterThan(index);
  return all[index]!;
}

const lines = (m: Mail) => m.trailers.map((t) => t.line);

describe("patchew test mails", () => {
  it("0001: a simple patch gives title, sender, recipients in header order, date and no parent", async () => {
    const m = await mail("0001-simple-patch.mbox.gz");
    expect(m.kind).toBe("patch");
    expect(m.parsedSubject).toMatchObject({
      title: "quorum: Only compile when supported",
      version: 1,
      part: null,
      listTags: ["qemu-devel"],
    });
    expect(m.parsedSubject.prefixes).not.toContain("block");
    expect(m.from).toEqual({ name: "Fam Zheng", email: "famz@redhat.com" });
    expect([...m.to, ...m.cc].map((a) => a.email)).toEqual([
      "qemu-devel@nongnu.org",
      "kwolf@redhat.com",
      "berto@igalia.com",
      "qemu-block@nongnu.org",
      "mreitz@redhat.com",
    ]);
    expect(m.cc.map((a) => a.name)).toEqual(["Kevin Wolf", "Alberto Garcia", "", "Max Reitz"]);
    expect(m.date?.toISOString()).toBe("2016-06-28T01:47:47.000Z");
    expect(m.inReplyTo).toBeNull();
    expect(m.references).toEqual([]);
    expect(m.messageId).toBe("20160628014747.20971-1-famz@redhat.com");
  });

  it("0002: odd-cased trailer names are kept as written", async () => {
    const m = await mail("0002-unusual-cased-tags.mbox.gz");
    expect(lines(m)).toEqual(
      expect.arrayContaining([
        "Reviewed-By: Fam Zheng <famz@redhat.com>",
        "tESTed-bY: Fam Zheng <famz@redhat.com>",
      ]),
    );
    expect(m.trailers.filter((t) => t.key === "reviewed-by").map((t) => t.person)).toEqual([
      { name: "Fam Zheng", email: "famz@redhat.com" },
    ]);
  });

  it("0003: the reply carries exactly the Reviewed-by, the patch none, the second reply none", async () => {
    const [patch, review, applied] = await mails("0003-single-patch-reviewed.mbox.gz");
    expect(patch!.kind).toBe("patch");
    expect(patch!.trailers.filter((t) => t.key === "reviewed-by")).toEqual([]);
    expect(review!.kind).toBe("reply");
    expect(review!.inReplyTo).toBe(patch!.messageId);
    expect(lines(review!)).toEqual(["Reviewed-by: Aurelien Jarno <aurelien@aurel32.net>"]);
    expect(applied!.kind).toBe("reply");
    expect(applied!.trailers.filter((t) => t.key === "reviewed-by")).toEqual([]);
  });

  it.each(["0004-multiple-patch-reviewed.mbox.gz", "0012-incomplete-series.mbox.gz"])(
    "%s: cover v4 0/2, two replies to it, then the patches",
    async (name) => {
      const all = await mails(name);
      const [cover, reply1, reply2, patch1] = all;
      expect(cover!.kind).toBe("cover");
      expect(cover!.parsedSubject).toMatchObject({
        version: 4,
        part: { index: 0, total: 2 },
        title: "Report format specific info for LUKS block driver",
      });
      expect([reply1!.messageId, reply2!.messageId]).toEqual([
        "5792265A.5070507@redhat.com",
        "e0858c00-ccb6-e533-ee3e-9ba84ca45a7b@redhat.com",
      ]);
      expect([reply1!.inReplyTo, reply2!.inReplyTo]).toEqual([cover!.messageId, cover!.messageId]);
      expect(lines(reply1!)).toEqual(["Reviewed-by: Eric Blake <eblake@redhat.com>"]);
      expect(reply1!.kind).toBe("reply");
      expect(patch1!.parsedSubject.part).toEqual({ index: 1, total: 2 });
      expect(patch1!.trailers.filter((t) => t.key === "reviewed-by")).toEqual([]);
      if (name.startsWith("0004")) expect(all[4]!.parsedSubject.part).toEqual({ index: 2, total: 2 });
      else expect(all).toHaveLength(4);
    },
  );

  it("0004: the Message-ID comes from the top-level header, not the protected-headers part", async () => {
    const [, reply1] = await mails("0004-multiple-patch-reviewed.mbox.gz");
    expect(reply1!.body).not.toMatch(/^Message-ID:/im);
  });

  it("0005: a bare ISO-8859-1 body decodes as Latin-1", async () => {
    const m = await mail("0005-non-utf-8.mbox.gz");
    expect(m.kind).toBe("reply");
    expect(m.body).toContain("Alex Bennée wrote:");
    expect(m.body).not.toContain("\uFFFD");
  });

  it("0006: quoted-printable Latin-1 inside multipart/signed decodes, with two list tags", async () => {
    const m = await mail("0006-multi-part-non-utf-8.mbox.gz");
    expect(m.parsedSubject.listTags).toEqual(["qemu-devel", "qemu-block"]);
    expect(m.body).toContain("Signed-off-by: Marc Marí <markmb@redhat.com>");
    expect(lines(m)).toEqual(["Reviewed-by: Stefan Hajnoczi <stefanha@redhat.com>"]);
  });

  it("0007: charset=y falls back with a warning; bracket prefixes without spaces; patch 1 of 2; footer stays out of the diff", async () => {
    const m = await mail("0007-invalid-charset.mbox.gz");
    expect(m.warnings.join("\n")).toMatch(/unknown charset "y"/);
    expect(m.parsedSubject).toMatchObject({
      listTags: ["edk2", "staging/https-tls"],
      part: { index: 1, total: 2 },
    });
    expect(m.kind).toBe("patch");
    expect(m.body).toContain("edk2-devel mailing list");
    expect(m.patch!.diff).not.toContain("mailing list");
    expect(m.patch!.diff.endsWith("\n")).toBe(true);
  });

  it("0008: the diffstat has 9 files, 10 insertions, 10 deletions and two renames", async () => {
    const m = await mail("0008-complex-diffstat.mbox.gz");
    expect(m.patch!.stat).toMatchObject({ additions: 10, deletions: 10 });
    expect(m.patch!.stat.files).toHaveLength(9);
    const stat = formatDiffStat(m.patch!.stat);
    expect(stat).toEqual(
      expect.arrayContaining([
        " hw/{i2c => display}/i2c-ddc.c         | 2 +-",
        " include/hw/{i2c => display}/i2c-ddc.h | 0",
        " 9 files changed, 10 insertions(+), 10 deletions(-)",
        " rename hw/{i2c => display}/i2c-ddc.c (99%)",
        " rename include/hw/{i2c => display}/i2c-ddc.h (100%)",
      ]),
    );
    expect(lines(m)).toContain("Reviewed-by: Philippe Mathieu-Daudé <f4bug@amsat.org>");
  });

  it.each(["0009-obsolete-by.mbox.gz", "0030-obsolete-by-v3.mbox.gz"])(
    "%s: three versions of one topic",
    async (name) => {
      const all = await mails(name);
      expect(all.map((m) => m.parsedSubject.version)).toEqual([1, 2, 3]);
      expect(new Set(all.map((m) => normalizeTitle(m.parsedSubject.title)))).toEqual(
        new Set(["quorum: only compile when supported"]),
      );
      expect(all.every((m) => m.kind === "patch")).toBe(true);
    },
  );

  it("0010: Windows-1252 bytes in a UTF-8 body decode as smart quotes; the folded subject unfolds exactly", async () => {
    const m = await mail("0010-invalid-byte.mbox.gz");
    expect(m.subject).toBe(
      '[edk2] [PATCH 0/3] Revert "ShellPkg: Fix echo to support displaying special characters"',
    );
    expect(m.kind).toBe("cover");
    expect(m.parsedSubject.part).toEqual({ index: 0, total: 3 });
    expect(m.body).toContain("In summary, ‘echo “You are ^#1” > t.txt’ results");
    expect(m.body).not.toContain("\uFFFD");
    expect(m.warnings.join("\n")).toMatch(/Windows-1252/);
  });

  it.each([
    ["0014-bar-patch.mbox.gz", "Based-on without brackets"],
    ["0015-bar-patch-with-brackets.mbox.gz", "Based-on with brackets"],
  ])("%s: %s below --- names the foo patch", async (name) => {
    const m = await mail(name);
    expect(m.kind).toBe("patch");
    expect(m.hints.basedOn).toEqual(["20160628014747.20971-1-famz@redhat.com"]);
    expect(m.trailers.map((t) => t.key)).not.toContain("based-on");
  });

  it("0016: nested multipart gives only the text, and the outer Message-ID", async () => {
    const m = await mail("0016-nested-multipart.mbox.gz");
    expect(m.messageId).toBe("34bd0051-a58c-9696-8656-3fb765f919ff@redhat.com");
    expect(m.body).toMatch(/^On 07\/25\/2017 10:57 AM, Jeff Cody wrote:\n/);
    expect(m.body).toContain(">  2 files changed, 10 insertions(+)\n>\n\nACK\n\n");
    expect(m.body.trimEnd()).toMatch(/Virtualization: {2}qemu\.org \| libvirt\.org$/);
    expect(m.body).not.toMatch(/Content-Type|Message-ID|protected-headers|BEGIN PGP/i);
    expect(m.parsedSubject).toMatchObject({
      prefixes: ["yyy-1.0", "qemu-kvm", "patch", "v2", "4/4"],
      isReply: true,
    });
  });

  it("0017: qemu-web is a prefix", async () => {
    expect((await mail("0017-qemu-web-is-not-qemu.mbox.gz")).parsedSubject.prefixes).toContain("qemu-web");
  });

  it("0018: an RFC 2047 Cc name decodes; RESEND is a prefix", async () => {
    const m = await mail("0018-mime-word-recipient.mbox.gz");
    expect(m.cc[1]).toEqual({ name: "Philippe Mathieu-Daudé", email: "f4bug@amsat.org" });
    expect(m.parsedSubject).toMatchObject({
      isResend: true,
      title: "vl: only display available accelerators",
    });
  });

  it("0019 and 0020: python is a prefix of one and not the other; the double space stays in the subject", async () => {
    const python = await mail("0019-libvirt-python.mbox.gz");
    const plain = await mail("0020-libvirt.mbox.gz");
    expect(python.parsedSubject.prefixes).toContain("python");
    expect(plain.parsedSubject.prefixes).not.toContain("python");
    expect(plain.subject).toBe("[libvirt]  [PATCH v2] vcpupin: add clear feature");
    expect(plain.parsedSubject.version).toBe(2);
  });

  it("0021: a mode-only patch has 9 files, no lines and 9 mode changes", async () => {
    const m = await mail("0021-mode-only-patch.mbox.gz");
    expect(m.kind).toBe("patch");
    expect(m.patch!.stat).toMatchObject({ additions: 0, deletions: 0 });
    expect(
      m.patch!.stat.files.every(
        (f) => f.status === "mode" && f.oldMode === "100644" && f.newMode === "100755",
      ),
    ).toBe(true);
    const stat = formatDiffStat(m.patch!.stat);
    expect(stat).toContain(" 9 files changed, 0 insertions(+), 0 deletions(-)");
    expect(
      stat.filter((line) => /^ mode change 100644 => 100755 tests\/qemu-iotests\/\d{3}$/.test(line)),
    ).toHaveLength(9);
    expect(stat.filter((line) => / \| 0$/.test(line))).toHaveLength(9);
  });

  it.each(["0022-another-simple-patch.json.gz", "0024-multiple-project-patch.json.gz"])(
    "%s: the REST body's mbox field parses",
    async (name) => {
      const m = await mail(name);
      expect(m.kind).toBe("patch");
      expect(m.trailers.filter((t) => t.key === "reviewed-by")).toEqual([]);
    },
  );

  it("0022: subject parts", async () => {
    const m = await mail("0022-another-simple-patch.json.gz");
    expect(m.subject).toBe(
      "[Qemu-devel] [PATCH v2 10/27] imx_fec: Reserve full 4K page for the register file",
    );
    expect(m.parsedSubject).toMatchObject({ version: 2, part: { index: 10, total: 27 } });
  });

  it("0023: patch 1 of 7 to edk2-devel with qemu-devel in Cc", async () => {
    const m = await mail("0023-multiple-project-patch.mbox.gz");
    expect(m.parsedSubject.part).toEqual({ index: 1, total: 7 });
    expect(m.to.map((a) => a.email)).toContain("edk2-devel@lists.01.org");
    expect(m.cc.map((a) => a.email)).toContain("qemu-devel@nongnu.org");
  });

  it("0025: a reply whose body is a Reviewed-by", async () => {
    const m = await mail("0025-foo-patch-review.mbox.gz");
    expect(m.kind).toBe("reply");
    expect(m.inReplyTo).toBe("20160628014747.20971-1-famz@redhat.com");
    expect(lines(m)).toEqual(["Reviewed-by: Fam Zheng <famz@redhat.com>"]);
  });

  it("0026 and 0027: a standalone bar patch has no Based-on; a reply's Based-on is a hint", async () => {
    expect((await mail("0026-bar-patch-standalone.mbox.gz")).hints.basedOn).toEqual([]);
    const reply = await mail("0027-foo-patch-based-on.mbox.gz");
    expect(reply.kind).toBe("reply");
    expect(reply.hints.basedOn).toEqual(["20160628014747.20971-2-famz@redhat.com"]);
  });

  it("0028: Latin-1 QP patch and UTF-8 base64 reply keep their accents and code", async () => {
    const [patch, reply] = await mails("0028-tags-need-8bit-encoding.mbox.gz");
    expect(patch!.trailers.map((t) => t.key)).toContain("reported-by");
    expect(patch!.patch!.diff).toContain("SynICState *synic = get_synic(cs);");
    expect(lines(reply!)).toContain("Reviewed-by: Philippe Mathieu-Daudé <philmd@redhat.com>");
  });

  it("0029: QP-wrapped diff with a binary file gives git's diffstat, equal to the one in the mail", async () => {
    const m = await mail("0029-diffstat-in-patch.gz");
    const stat = formatDiffStat(m.patch!.stat);
    expect(stat[0]).toBe(" api/models.py                            |   4 +-");
    expect(stat[1]).toBe(" tests/data/0008-complex-diffstat.mbox.gz | Bin 4961 -> 2575 bytes");
    expect(stat[2]).toMatch(/^ tests\/test_model\.py {22}\| {2}95 \+{3}-+$/);
    expect(stat[3]).toBe(" 3 files changed, 15 insertions(+), 84 deletions(-)");
    const inMail = m.body
      .split("\n")
      .filter((line) => /^ \S.* \| +\d|^ \d+ files? changed/.test(line) || / \| Bin /.test(line));
    expect(stat.slice(0, 4)).toEqual(inMail);
  });

  it("0031: two PULL cover letters; the second supersedes the first", async () => {
    const [first, second] = await mails("0031-supersedes-embedded.mbox.gz");
    expect([first!.kind, second!.kind]).toEqual(["cover", "cover"]);
    expect(first!.parsedSubject.isPull).toBe(true);
    expect(second!.hints.supersedes).toEqual([first!.messageId]);
    expect(first!.pullRequest?.url).toMatch(/^https:\/\/github\.com\/juanquintela\/qemu\.git /);
  });

  it("0032: Supersedes in a reply to the v6 cover names the v5 cover", async () => {
    const [v5, v6, reply] = await mails("0032-supersedes-separate.mbox.gz");
    expect([v5!.kind, v6!.kind, reply!.kind]).toEqual(["cover", "cover", "reply"]);
    expect(reply!.hints.supersedes).toEqual([v5!.messageId]);
  });

  it("0033: a bare CRLF diff without diff --git is found", async () => {
    const m = await mail("0033-raw-diff.mbox.gz");
    expect(m.kind).toBe("patch");
    expect(m.patch!.diff).toMatch(/^--- a\/xen\/common\/memory\.c/);
    expect(m.patch!.diff).not.toContain("\r");
    expect(m.patch!.stat.files).toHaveLength(1);
  });

  it("0034: a rename-only patch has 4 renames and no lines; version 6, 11 of 11", async () => {
    const m = await mail("0034-rename-only-patch.mbox.gz");
    expect(m.kind).toBe("patch");
    expect(m.parsedSubject).toMatchObject({ version: 6, part: { index: 11, total: 11 } });
    expect(m.patch!.stat.files.map((f) => f.status)).toEqual(["renamed", "renamed", "renamed", "renamed"]);
    expect(m.patch!.stat).toMatchObject({ additions: 0, deletions: 0 });
    const inMail = m.body.split("\n").filter((line) => / \| 0$|files changed|^ rename /.test(line));
    expect(formatDiffStat(m.patch!.stat)).toEqual(inMail);
  });

  it("0035: an RFC 2047 From split over lines keeps its brackets; the text part wins over HTML", async () => {
    const m = await mail("0035-rfc2047-from.mbox.gz");
    expect(m.from).toEqual({
      name: "AIERPATIJIANG1 [艾尔帕提江·阿布都赛买提]",
      email: "aierpatijiang1@kingsoft.com",
    });
    expect(m.body).not.toMatch(/<div|<html/i);
    // Outlook dropped the leading space of context lines: say so rather than pretend.
    expect(m.warnings.join("\n")).toMatch(/diff looks corrupt/);
  });

  it("0036: an empty group in To does not break parsing; the lists are in Cc", async () => {
    const m = await mail("0036-patch-with-no-to-header.mbox.gz");
    expect(m.to).toEqual([]);
    expect(m.cc.map((a) => a.email)).toContain("linux-kernel@vger.kernel.org");
    expect(m.kind).toBe("patch");
  });

  it("0037: a git-am mail without Message-Id gets a stable synthesized one and keeps its Link trailer", async () => {
    const [raw] = patchewMessages("0037-foo-patch-for-git-am.mbox.gz");
    const first = await parseMessage(raw!);
    const again = await parseMessage(Buffer.from(raw!));
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(first.mail.messageIdSynthesized).toBe(true);
    expect(first.mail.messageId).toMatch(/^[0-9a-f]{32}@patchwatch\.invalid$/);
    expect(again.mail.messageId).toBe(first.mail.messageId);
    expect(lines(first.mail)).toContain(
      "Link: https://lore.kernel.org/r/20160628014747.20971-1-famz@redhat.com",
    );
  });

  it("0038: a top-level octet-stream body is read as text; the body's Message-Id is a trailer", async () => {
    const m = await mail("0038-octet-stream.mbox.gz");
    expect(m.messageId).toBe("20220331132951.595640-1-pbonzini@redhat.com");
    expect(m.kind).toBe("patch");
    expect(m.parsedSubject.part).toEqual({ index: 3, total: 15 });
    expect(m.body).toContain("Signed-off-by");
    expect(lines(m)).toContain("Message-Id: <20220328140604.41484-3-victortoso@redhat.com>");
  });
});
