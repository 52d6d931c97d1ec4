import fs from "node:fs";
import path from "node:path";

import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";

import { parseMessage } from "../mail/parse-message";
import { composeApplyFailed } from "./compose-apply-failed";
import { composeTestFailed } from "./compose-test-failed";
import { renderRobotMail } from "./render-message";
import { replySubject } from "./reply-headers";
import { fixtureMails, robot, seriesFactsOf } from "./test-support";
import type { ApplyFailure, RobotMailDraft, TestFailure } from "./types";

const buildLog = fs.readFileSync(path.join(__dirname, "__fixtures__/build-failure.log"), "utf8");

// Output of `git am --3way` as the applier stores it.
const amConflict = `Applying: crypto: add support for querying parameters for block encryption
Applying: block: export LUKS specific data to qemu-img info
Using index info to reconstruct a base tree...
M\tblock/crypto.c
Falling back to patching base and 3-way merge...
Auto-merging block/crypto.c
CONFLICT (content): Merge conflict in block/crypto.c
error: Failed to merge in the changes.
hint: Use 'git am --show-current-patch=diff' to see the failed patch
hint: When you have resolved this problem, run "git am --continue".
Patch failed at 0002 block: export LUKS specific data to qemu-img info
When you have resolved this problem, run "git am --continue".
If you prefer to skip this patch, run "git am --skip" instead.
To restore the original branch and stop patching, run "git am --abort".`;

const BASE = "5f8a6ef6a7ba7e4c0e9a4b5d2b1c4e0f9d8c7b6a";

const applyFailure: ApplyFailure = {
  failedPatch: 2,
  conflicts: ["block/crypto.c"],
  baseKind: "branch-head",
  baseCommit: BASE,
  baseReason: "no base-commit or Based-on: given; applied on master",
  log: amConflict,
};

function testFailure(overrides: Partial<TestFailure> = {}): TestFailure {
  return {
    test: "build",
    jobId: 1842n,
    log: buildLog,
    logTruncated: false,
    script: "make -j2 check",
    fetchUrl: "https://patchwatch.example.org/git/qemu",
    tag: "patchwatch/1469192015-16487-1-git-send-email-berrange_redhat.com/v4",
    commit: "0123456789abcdef0123456789abcdef01234567",
    summary: null,
    durationMs: 754_000,
    baseState: "success",
    ...overrides,
  };
}

/** The text with its lines joined, to read sentences the wrapping split. */
function flat(text: string): string {
  return text.replace(/\n(?!\n)/g, " ");
}

/** Lines of prose (not quoted log, not indented commands or URLs) must fit in 76 columns. */
function proseLines(text: string): string[] {
  return text.split("\n").filter((l) => !l.startsWith(">") && !l.startsWith("  ") && !/https?:\/\//.test(l));
}

async function render(draft: RobotMailDraft): Promise<string> {
  return renderRobotMail(draft, {
    messageId: "patchwatch.0123abcd@patchwatch.example.org",
    date: new Date("2026-03-02T10:00:00Z"),
  });
}

describe("replySubject", () => {
  it.each([
    ["[Qemu-devel] [PATCH v4 0/2] Report format", "Re: [Qemu-devel] [PATCH v4 0/2] Report format"],
    ["Re: [PATCH] x", "Re: [PATCH] x"],
    ["RE: re:  Re[2]: [PATCH] x", "Re: [PATCH] x"],
    ["[PATCH] a\r\nBcc: victim@example.org", "Re: [PATCH] a Bcc: victim@example.org"],
  ])("%j gives %j", (subject, expected) => {
    expect(replySubject(subject)).toBe(expected);
  });
});

describe("the reply to a series that did not apply", () => {
  it("answers the cover letter, to the author, with the lists the series went to on Cc", async () => {
    const series = seriesFactsOf(await fixtureMails("0004-multiple-patch-reviewed.mbox.gz"));
    const draft = composeApplyFailed(series, applyFailure, robot);
    expect(draft.inReplyTo).toBe("1469192015-16487-1-git-send-email-berrange@redhat.com");
    expect(draft.references).toEqual(["1469192015-16487-1-git-send-email-berrange@redhat.com"]);
    expect(draft.subject).toBe(
      "Re: [Qemu-devel] [PATCH v4 0/2] Report format specific info for LUKS block driver",
    );
    expect(draft.to).toEqual(["berrange@redhat.com"]);
    expect(draft.cc).toEqual(["qemu-devel@nongnu.org", "qemu-block@nongnu.org"]);
    expect(draft.dedupeKey).toMatch(
      /^apply-failed:qemu:1469192015-16487-1-git-send-email-berrange@redhat\.com:v4:[0-9a-f]{16}$/,
    );
  });

  it("names the failing patch, the conflicting file, the base, git's words without its advice, and how to reproduce", async () => {
    const series = seriesFactsOf(await fixtureMails("0004-multiple-patch-reviewed.mbox.gz"));
    const { text } = composeApplyFailed(series, applyFailure, robot);
    expect(flat(text)).toContain(
      'Patch 2/2 "block: export LUKS specific data to qemu-img info" did not apply to the qemu tree on 5f8a6ef6a7ba (the branch head).',
    );
    expect(text).toMatch(/Conflicting file:\n {2}block\/crypto\.c\n/);
    expect(text).toContain("> CONFLICT (content): Merge conflict in block/crypto.c");
    expect(text).toContain("> Patch failed at 0002 block: export LUKS specific data to qemu-img info");
    expect(text).not.toContain("hint:");
    expect(text).not.toContain("git am --abort");
    // Only the failing patch's part of git's output.
    expect(text).not.toContain("Applying: crypto: add support");
    expect(text).toContain(`  git checkout ${BASE}\n`);
    expect(text).toContain(
      "  curl -sf https://patchwatch.example.org/qemu/1469192015-16487-1-git-send-email-berrange%40redhat.com/mbox | git am --3way",
    );
    expect(text).toContain(
      "  patchwatch apply --server https://patchwatch.example.org 1469192015-16487-1-git-send-email-berrange@redhat.com",
    );
    for (const line of proseLines(text)) expect(line.length).toBeLessThanOrEqual(76);
  });

  it("answers the patch itself when the series is one patch, and puts the maintainers on Cc once", async () => {
    const series = seriesFactsOf(await fixtureMails("0001-simple-patch.mbox.gz"));
    const draft = composeApplyFailed(
      series,
      { ...applyFailure, failedPatch: 1, conflicts: [] },
      {
        ...robot,
        lists: [...robot.lists, "qemu-arm@nongnu.org"],
        maintainers: [
          { name: "Kevin Wolf", email: "kwolf@redhat.com" },
          { name: "Fam Zheng", email: "famz@redhat.com" },
          { name: "QEMU", email: "QEMU-devel@nongnu.org" },
        ],
      },
    );
    expect(draft.inReplyTo).toBe("20160628014747.20971-1-famz@redhat.com");
    expect(draft.subject).toBe("Re: [Qemu-devel] [PATCH] quorum: Only compile when supported");
    expect(draft.to).toEqual(["famz@redhat.com"]);
    // The author is not Cc'd again, nor the list twice; the list the patch did not go to is left out.
    expect(draft.cc).toEqual(["qemu-devel@nongnu.org", "qemu-block@nongnu.org", "kwolf@redhat.com"]);
  });

  it("without the lists on Cc, only the author gets it", async () => {
    const series = seriesFactsOf(await fixtureMails("0001-simple-patch.mbox.gz"));
    const draft = composeApplyFailed(series, applyFailure, { ...robot, ccLists: false });
    expect(draft.cc).toEqual([]);
  });

  it("shows a refusal as it is when git never ran", async () => {
    const series = seriesFactsOf(await fixtureMails("0001-simple-patch.mbox.gz"));
    const { text } = composeApplyFailed(
      series,
      {
        failedPatch: null,
        conflicts: [],
        baseKind: null,
        baseCommit: null,
        baseReason: "base-commit 0123456789ab is not in the tree",
        log: "base-commit 0123456789ab is not in the tree",
      },
      robot,
    );
    expect(text).toContain("The series did not apply to the qemu tree.");
    expect(text).toContain("> base-commit 0123456789ab is not in the tree");
    expect(text).not.toContain("git checkout");
  });
});

describe("the reply to a failed test", () => {
  it("quotes the lines around the first error and the log's end, not the whole log", async () => {
    const series = seriesFactsOf(await fixtureMails("0004-multiple-patch-reviewed.mbox.gz"));
    const draft = composeTestFailed(series, testFailure(), robot);
    const quoted = draft.text.split("\n").filter((l) => l.startsWith(">"));
    expect(quoted.length).toBeLessThanOrEqual(40);
    expect(quoted[0]).toMatch(/^> \[\d+\/1900\] Compiling C object/);
    expect(draft.text).toContain("> FAILED: libblock.fa.p/block_qcow2-cluster.c.o");
    expect(draft.text).toContain(
      "> ../block/qcow2-cluster.c:1874:18: error: 'nb_clusters' undeclared (first use in this function); did you mean 'nb_cluster'?",
    );
    expect(draft.text).toContain("> cc1: all warnings being treated as errors");
    expect(draft.text).toMatch(
      /^> \[\.\.\.\]\n(> .*\n){2}> \[\d+\/1900\].*\n> ninja: build stopped: subcommand failed\.\n/m,
    );
    expect(draft.text).toContain("> make: *** [Makefile:167: run-ninja] Error 1");
    // Not the configure output, nor the unrelated warning long before the error.
    expect(draft.text).not.toContain("Checking for function");
    expect(draft.text).not.toContain("warning: unused variable");
    // The compiler's command line is cut, not pasted whole.
    expect(draft.text).not.toContain("-Wwrite-strings");
    expect(draft.text).toContain("Full log: https://patchwatch.example.org/logs/1842");
  });

  it("says what failed, on what, and gives the exact command to reproduce", async () => {
    const series = seriesFactsOf(await fixtureMails("0004-multiple-patch-reviewed.mbox.gz"));
    const draft = composeTestFailed(series, testFailure(), robot);
    expect(draft.kind).toBe("test-failed");
    expect(draft.dedupeKey).toBe(
      "test-failed:qemu:1469192015-16487-1-git-send-email-berrange@redhat.com:v4:build",
    );
    expect(flat(draft.text)).toContain(
      'The test "build" failed on it (commit 0123456789ab), after 12 min 34 s. It passes on the branch without the series.',
    );
    expect(draft.text).toContain(
      "  git fetch https://patchwatch.example.org/git/qemu patchwatch/1469192015-16487-1-git-send-email-berrange_redhat.com/v4 && git checkout FETCH_HEAD && make -j2 check",
    );
    expect(draft.text).toContain(
      "The series: https://patchwatch.example.org/qemu/1469192015-16487-1-git-send-email-berrange%40redhat.com",
    );
    for (const line of proseLines(draft.text)) expect(line.length).toBeLessThanOrEqual(76);
  });

  it("gives a script of several lines after the checkout, and takes the log's end when nothing looks like an error", async () => {
    const series = seriesFactsOf(await fixtureMails("0001-simple-patch.mbox.gz"));
    const log = Array.from({ length: 100 }, (_, i) => `step ${i}`).join("\n");
    const { text } = composeTestFailed(
      series,
      testFailure({ log, script: "./configure\nmake -j2\nmake check-unit", baseState: null }),
      robot,
    );
    expect(text).toMatch(
      / && git checkout FETCH_HEAD\n\nthen run the test's script with bash:\n\n {2}\.\/configure\n {2}make -j2\n {2}make check-unit\n/,
    );
    expect(text).not.toContain("It passes on the branch");
    expect(text).toContain("> step 75\n");
    expect(text).toContain("> step 99\n");
    expect(text).not.toContain("> step 74\n");
  });
});

describe("the message as sent", () => {
  it("is threaded, automatic, encoded right for a non-ASCII author, and has no List-* headers", async () => {
    const series = seriesFactsOf(await fixtureMails("0035-rfc2047-from.mbox.gz"));
    expect(series.author.name).toMatch(/[^\x00-\x7f]/);
    const draft = composeApplyFailed(series, applyFailure, robot);
    const raw = await render(draft);
    expect(raw).toMatch(/^Auto-Submitted: auto-generated\r$/m);
    expect(raw).not.toMatch(/^List-/im);
    expect(raw.split("\r\n").every((l) => l.length <= 998)).toBe(true);
    expect(/^[\x00-\x7f]*$/.test(raw)).toBe(true);
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe("<patchwatch.0123abcd@patchwatch.example.org>");
    expect(parsed.inReplyTo).toBe("<2904D378-AA27-4510-A3C8-7E2E34DF37EF@kingsoft.com>");
    expect(parsed.subject).toBe(
      "Re: [PATCH] hw/char/virtio-serial-bus: fix: Unpop throttled VirtQueueElement to queue before discard vq data",
    );
    expect(parsed.text).toContain(`Hi ${series.author.name},`);
    expect(parsed.from?.value[0]?.address).toBe("robot@patchwatch.example.org");
  });

  it("cannot be given a header by a hostile subject, name or Message-ID", async () => {
    const series = seriesFactsOf(await fixtureMails("0001-simple-patch.mbox.gz"));
    const hostile = {
      ...series,
      author: { name: "Mallory\r\nBcc: victim@example.org", email: "mallory@example.org\r\nBcc: x@y.org" },
      head: {
        ...series.head,
        msgid: "evil@x>\r\nBcc: victim@example.org\r\nX-Injected: <y",
        subject: "[PATCH] fix\r\nBcc: victim@example.org\r\n\r\nfake body\nX-Injected: 1",
        references: ["ok@example.org", "bad id@example.org", "x>\nBcc: v@example.org"],
      },
    };
    const draft = composeApplyFailed(hostile, applyFailure, {
      ...robot,
      from: { name: "Robot\nBcc: victim@example.org", address: robot.from.address },
    });
    const raw = await render(draft);
    const header = raw.slice(0, raw.indexOf("\r\n\r\n"));
    expect(header).not.toMatch(/^(Bcc|X-Injected):/im);
    const parsed = await simpleParser(raw);
    expect(parsed.headers.has("bcc")).toBe(false);
    expect(parsed.headers.has("x-injected")).toBe(false);
    // The malformed author address is not used; the unusable Message-ID threads nothing.
    expect(draft.to).toEqual([]);
    expect(parsed.inReplyTo).toBeUndefined();
    expect(parsed.subject).toBe("Re: [PATCH] fix Bcc: victim@example.org fake body X-Injected: 1");
  });

  it("comes back through the list as an automatic reply that is no patch and carries no trailers", async () => {
    const series = seriesFactsOf(await fixtureMails("0004-multiple-patch-reviewed.mbox.gz"));
    const raw = await render(composeTestFailed(series, testFailure(), robot));
    expect(raw).toContain("Reviewed-by: Not A Reviewer");
    const listCopy = `List-Id: <qemu-devel.nongnu.org>\r\nPrecedence: list\r\n${raw}`;
    const parsed = await parseMessage(Buffer.from(listCopy));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.mail.autoSubmitted).toBe(true);
    expect(parsed.mail.kind).toBe("reply");
    expect(parsed.mail.trailers).toEqual([]);
    expect(parsed.mail.hints.basedOn).toEqual([]);
  });
});
