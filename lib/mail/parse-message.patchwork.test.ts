import { describe, expect, it } from "vitest";

import { parseMessage } from "./parse-message";
import { patchworkMessage, readFixture } from "./test-support/fixtures";
import type { Mail } from "./types";

// Every "should derive" statement of __fixtures__/patchwork/README.md that concerns parsing.

async function parsed(raw: Buffer): Promise<Mail> {
  const result = await parseMessage(raw);
  if (!result.ok) throw new Error(`${result.error}: ${result.detail}`);
  return result.mail;
}

const mail = (name: string) => parsed(patchworkMessage(name));
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe("patchwork test mails", () => {
  it.each([
    ["0001-git-pull-request.mbox", "git://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git next"],
    [
      "0002-git-pull-request-wrapped.mbox",
      "git://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git next",
    ],
    [
      "0004-git-pull-request-git+ssh.mbox",
      "git+ssh://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git next",
    ],
    ["0005-git-pull-request-ssh.mbox", "ssh://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git next"],
    [
      "0006-git-pull-request-http.mbox",
      "http://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git next",
    ],
    ["0017-git-pull-request-git-2-14-3.mbox", "git://git.kernel.org/pub/scm/linux/kernel/git/davem/net"],
    [
      "0023-git-pull-request-newline-in-url.mbox",
      "https://git.kernel.org/pub/scm/linux/kernel/git/matthias.bgg/linux.git/ tags/v5.4-next-soc",
    ],
    [
      "0024-git-pull-request-trailing-space.mbox",
      "git://git.kernel.org/pub/scm/linux/kernel/git/nsekhar/linux-davinci.git tags/davinci-for-v5.6/soc",
    ],
  ])("%s is a pull request of %s with no diff", async (name, url) => {
    const m = await mail(name);
    expect(m.kind).toBe("pull");
    expect(m.pullRequest?.url).toBe(url);
    expect(m.patch).toBeNull();
  });

  it("0001: the base commit and the List-Id are read", async () => {
    const m = await mail("0001-git-pull-request.mbox");
    expect(m.pullRequest?.baseCommit).toBe("e10117d36ef758da0690c95ecffc09d5dd7da479");
    expect(m.listId).toBe("cbe-oss-dev.ozlabs.org");
  });

  it("0002: a base commit wrapped onto the next line is still read", async () => {
    expect((await mail("0002-git-pull-request-wrapped.mbox")).pullRequest?.baseCommit).toBe(
      "e10117d36ef758da0690c95ecffc09d5dd7da479",
    );
  });

  it("0003: a pull request with an inline diff keeps both", async () => {
    const m = await mail("0003-git-pull-request-with-diff.mbox");
    expect(m.kind).toBe("pull");
    expect(m.pullRequest?.url).toBe(
      "git://git.kernel.org/pub/scm/linux/kernel/git/tip/linux-2.6-tip.git x86-fixes-for-linus",
    );
    expect(m.patch!.diff.startsWith("diff --git a/arch/x86/include/asm/smp.h")).toBe(true);
  });

  it("0007: a CVS Index: diff in an attachment is a patch; the stray colon of [Patch]: goes", async () => {
    const m = await mail("0007-cvs-format-diff.mbox");
    expect(m.kind).toBe("patch");
    expect(m.patch!.diff.startsWith("Index")).toBe(true);
    expect(m.parsedSubject.title).toBe("Fix ld pr11138 FAILures on mips*.");
    expect(m.patch!.commitMessage).toMatch(/^The pr11138 testcase links an executable/);
  });

  it("0008: pure renames, no Message-ID, patch 1 of 11 with the Buildroot tag", async () => {
    const m = await mail("0008-git-rename.mbox");
    expect(m.kind).toBe("patch");
    expect(count(m.patch!.diff, "\nrename from ")).toBe(2);
    expect(count(m.patch!.diff, "\nrename to ")).toBe(2);
    expect(m.parsedSubject).toMatchObject({ part: { index: 1, total: 11 }, listTags: ["buildroot"] });
    expect(m.messageIdSynthesized).toBe(true);
  });

  it("0009: renames plus one hunk, and a commit message", async () => {
    const m = await mail("0009-git-rename-with-diff.mbox");
    expect(count(m.patch!.diff, "\nrename from ")).toBe(2);
    expect(m.patch!.diff).toMatch(/\n-a\n\+b\n/);
    expect(m.patch!.commitMessage.length).toBeGreaterThan(0);
  });

  it('0010: charset="none" falls back; no [PATCH] marker and still a patch', async () => {
    const m = await mail("0010-invalid-charset.mbox");
    expect(m.kind).toBe("patch");
    expect(m.patch!.commitMessage).toMatch(/^This patch, relative to a tree with/);
    expect(m.warnings.join("\n")).toMatch(/unknown charset "none"/);
  });

  it("0011: both No-newline markers stay in the diff, which ends with one; the message does not", async () => {
    const m = await mail("0011-no-newline-at-end-of-file.mbox");
    const diff = m.patch!.diff;
    expect(diff.startsWith("diff --git a/tools/testing/selftests/powerpc/Makefile")).toBe(true);
    expect(count(diff, "\\ No newline at end of file")).toBe(2);
    expect(diff.endsWith("\\ No newline at end of file\n")).toBe(true);
    expect(m.patch!.commitMessage).not.toMatch(/No newline at end of file\s*$/);
    expect(m.parsedSubject).toMatchObject({ version: 3, part: { index: 5, total: 5 } });
  });

  it("0012: a raw 0x9C byte in a Received header does not stop the parse", async () => {
    const m = await mail("0012-invalid-header-char.mbox");
    expect(m.kind).toBe("patch");
    expect(m.listId).toBe("dev.dpdk.org");
  });

  it.each(["0013-with-utf8-body.mbox", "0014-with-unencoded-utf8-headers.mbox"])(
    "%s: the sender is Rafał Miłecki",
    async (name) => {
      const m = await mail(name);
      expect(m.from).toEqual({ name: "Rafał Miłecki", email: "zajec5@gmail.com" });
      expect(m.kind).toBe("patch");
    },
  );

  it("0014: raw 8-bit UTF-8 in the Subject decodes as UTF-8", async () => {
    expect((await mail("0014-with-unencoded-utf8-headers.mbox")).subject).toBe(
      "MAINTAINERS: Update entry for BCM5301X ARM to include Rafał Miłecki",
    );
  });

  it("0015: an encoded word with invalid UTF-8 does not stop the parse", async () => {
    const m = await mail("0015-with-invalid-utf8-headers.mbox");
    expect(m.kind).toBe("patch");
    expect(m.cc.length).toBeGreaterThan(0);
  });

  it("0016: an empty subject still gives a patch", async () => {
    const m = await mail("0016-no-subject.mbox");
    expect(m.subject).toBe("");
    expect(m.kind).toBe("patch");
    expect(m.messageId).toBe("ABC@DEF");
  });

  it.each(["0019-multipart-patch.mbox", "0020-multipart-comment.mbox"])(
    "%s: only the text/plain part is used",
    async (name) => {
      const m = await mail(name);
      expect(m.body).not.toContain("<div");
      expect(m.patch?.diff ?? "").not.toContain("<div");
      expect(m.patch?.commitMessage ?? "").not.toContain("<div");
    },
  );

  it("0019 is a patch and 0020 a reply", async () => {
    expect((await mail("0019-multipart-patch.mbox")).kind).toBe("patch");
    expect((await mail("0020-multipart-comment.mbox")).kind).toBe("reply");
  });

  it("0021: an empty new file is a patch without hunks", async () => {
    const m = await mail("0021-git-empty-new-file.mbox");
    expect(m.kind).toBe("patch");
    expect(m.patch!.diff).toContain("new file mode");
    expect(m.patch!.diff).not.toContain("@@");
    expect(m.patch!.stat.files[0]?.status).toBe("added");
    expect(m.parsedSubject.part).toEqual({ index: 1, total: 3 });
  });

  it("0022: a mode change is a patch without hunks", async () => {
    const m = await mail("0022-git-mode-change.mbox");
    expect(m.patch!.diff).toMatch(/old mode \d+\nnew mode \d+/);
    expect(m.patch!.stat.files[0]?.status).toBe("mode");
    expect(m.patch!.commitMessage.length).toBeGreaterThan(0);
  });

  it.each([
    ["0025-git-add-binary-file.mbox", ["GIT binary patch", "literal 142", "literal 0"]],
    ["0026-git-add-mixed-binary-text-files.mbox", ["GIT binary patch", "diff --git quit.sh quit.sh"]],
    ["0027-git-modify-binary-file.mbox", ["GIT binary patch", "literal 0", "literal 142"]],
  ])("%s: binary hunks belong to the diff", async (name, needles) => {
    const m = await mail(name);
    expect(m.patch!.diff.startsWith("diff --git pixel.bmp pixel.bmp")).toBe(true);
    for (const needle of needles) expect(m.patch!.diff).toContain(needle);
    expect(m.patch!.stat.files[0]).toMatchObject({ newPath: "pixel.bmp", binary: true });
  });
});

const DIFF = readFixture("patchwork/patches/0001-add-line.patch").toString("utf8");
const UTF8_DIFF = readFixture("patchwork/patches/0002-utf-8.patch").toString("utf8");

function simpleMail(
  body: string,
  contentType: string | null = "text/plain; charset=us-ascii",
  extra = "",
): Buffer {
  const type = contentType === null ? "" : `Content-Type: ${contentType}\nContent-Transfer-Encoding: 8bit\n`;
  return Buffer.from(
    `Message-Id: <test@example.com>\nFrom: Test Author <test-author@example.com>\nSubject: Test subject\n${extra}MIME-Version: 1.0\n${type}\n${body}`,
    "utf8",
  );
}

function attachmentMail(comment: string, diff: string, subtype: string): Buffer {
  const boundary = "===============123==";
  return simpleMail(
    `--${boundary}\nContent-Type: text/plain; charset="us-ascii"\n\n${comment}\n--${boundary}\nContent-Type: text/${subtype}; charset="us-ascii"\n\n${diff}\n--${boundary}--\n`,
    `multipart/mixed; boundary="${boundary}"`,
  );
}

// patchwork's tests/unit/test_parser.py builds these mails around 0001-add-line.patch.
describe("patchwork's patch content cases", () => {
  it.each<[string, Buffer, string]>([
    ["inline after a comment", simpleMail(`Test for attached patch\n${DIFF}`), "Test for attached patch"],
    [
      "in a text/x-patch attachment",
      attachmentMail("Test for attached patch", DIFF, "x-patch"),
      "Test for attached patch",
    ],
    [
      "in a text/x-diff attachment",
      attachmentMail("Test for attached patch", DIFF, "x-diff"),
      "Test for attached patch",
    ],
    ["with no Content-Type", simpleMail(`Test for attached patch\n${DIFF}`, null), "Test for attached patch"],
    [
      "after a signature",
      simpleMail(`Test comment\nmore comment\n-- \nsig\n${DIFF}`),
      "Test comment\nmore comment",
    ],
    [
      "after a --- update note and a signature",
      simpleMail(`Test comment\nmore comment\n---\nUpdate: test update\n-- \nsig\n${DIFF}`),
      "Test comment\nmore comment",
    ],
    [
      "after a --- update note",
      simpleMail(`Test comment\nmore comment\n---\nUpdate: test update\n${DIFF}`),
      "Test comment\nmore comment",
    ],
    [
      "after a mailman footer",
      simpleMail(
        `Test comment\nmore comment\n_______________________________________________\nLinuxppc-dev mailing list\n${DIFF}`,
      ),
      "Test comment\nmore comment",
    ],
    [
      "after words that begin with diff",
      simpleMail(`Lines can start with words beginning in "diff"\ndifficult\nDifferent\n${DIFF}`),
      'Lines can start with words beginning in "diff"\ndifficult\nDifferent',
    ],
  ])("a patch %s gives exactly the diff file and the comment", async (_, raw, comment) => {
    const m = await parsed(raw);
    expect(m.kind).toBe("patch");
    expect(m.patch!.diff).toBe(DIFF);
    expect(m.patch!.commitMessage).toBe(comment);
  });

  it("a UTF-8 diff sent inline with charset=utf-8 comes back byte for byte", async () => {
    const m = await parsed(simpleMail(`Test for attached patch\n${UTF8_DIFF}`, "text/plain; charset=utf-8"));
    expect(Buffer.from(m.patch!.diff, "utf8").equals(Buffer.from(UTF8_DIFF, "utf8"))).toBe(true);
  });

  it("Tested-by and Reviewed-by in the comment give one of each and no Acked-by", async () => {
    const m = await parsed(
      simpleMail(
        `test\n\nTested-by: Test User <test@example.com>\nReviewed-by: Test User <test@example.com>\n${DIFF}`,
      ),
    );
    const keys = m.trailers.map((t) => t.key);
    expect(keys.filter((k) => k === "reviewed-by")).toHaveLength(1);
    expect(keys.filter((k) => k === "tested-by")).toHaveLength(1);
    expect(keys).not.toContain("acked-by");
  });
});
