import { describe, expect, it } from "vitest";

import type { SubmissionReport } from "./check-submission";
import {
  AIO_CANCEL,
  crOnAddedLines,
  declaredFlowed,
  dmarcMunged,
  editBody,
  expandTabs,
  fixture,
  MAKEFILE_PATCH,
  quotedPrintableLeftIn,
  sentTo,
  withHeader,
  withoutHeader,
  withoutSignoff,
  wrapLines,
} from "./test-support/mails";
import { ADDRESS, checkAll } from "./test-support/submissions";
import type { Finding } from "./types";

const series = () => AIO_CANCEL.map((f) => sentTo(fixture(f), ADDRESS));
/** The Makefile patch alone, as a single patch (it was 1/2 of a v5). */
const makefilePatch = () =>
  withoutHeader(
    withHeader(
      sentTo(fixture(MAKEFILE_PATCH), ADDRESS),
      "Subject",
      "[PATCH v5] Makefile: Add kernel modules related make targets",
    ),
    "In-Reply-To",
  );

async function only(raws: Buffer[]): Promise<SubmissionReport> {
  const { reports } = await checkAll(raws);
  expect(reports).toHaveLength(1);
  return reports[0]!;
}
const errors = (r: SubmissionReport, check?: Finding["check"]) =>
  r.findings.filter((f) => f.severity === "error" && (!check || f.check === check));

describe("checks on real patches as sent", () => {
  it("the aio_cancel series (cover + 3 C patches) has no problem", async () => {
    const r = await only(series());
    expect(r.findings).toEqual([]);
    expect(r.passes.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        "subjects are numbered [PATCH 1/3] to 3/3, one version throughout",
        "all 3 patches arrived",
        "the series has a cover letter",
        "signed off by the author (Signed-off-by: Martin Doucha <mdoucha@suse.cz>)",
      ]),
    );
    expect(r.patches.map((p) => p.index)).toEqual([1, 2, 3]);
  });

  it("the Makefile patch (tabs in recipes) has no problem, and neither has QEMU's 4-space C", async () => {
    expect((await only([makefilePatch()])).findings).toEqual([]);
    const qemu = withHeader(
      sentTo(fixture("qemu-quorum.eml"), ADDRESS),
      "Subject",
      "[PATCH] quorum: Only compile when supported",
    );
    expect(errors(await only([qemu]))).toEqual([]);
  });
});

describe("the series' shape", () => {
  it("a missing patch 2/3 is named", async () => {
    const raws = series();
    const r = await only([raws[0]!, raws[1]!, raws[3]!]);
    expect(errors(r, "complete").map((f) => f.message)).toEqual([
      "Patch 2/3 did not arrive (I waited 2 minutes after the last part).",
    ]);
  });

  it("a series of 3 without its cover letter is told to add one", async () => {
    const r = await only(series().slice(1));
    expect(errors(r, "cover-letter")).toHaveLength(1);
    expect(errors(r, "cover-letter")[0]!.fix).toContain("--cover-letter");
  });

  it("one patch at another version, and one sent twice, are both reported", async () => {
    const raws = series();
    raws[3] = withHeader(raws[3]!, "Subject", "[PATCH v2 3/3] aio_cancel_2-1: Rewrite test");
    const twice = withHeader(raws[2]!, "Message-ID", "<20260203125029.15413-3b-mdoucha@suse.cz>");
    const r = await only([...raws, twice]);
    const messages = errors(r, "numbering").map((f) => f.message);
    expect(messages).toContain(
      "The mails carry different versions (v1, v2); a series is sent whole, at one version.",
    );
    expect(messages.some((m) => m.startsWith("Patch 2/3 arrived 2 times"))).toBe(true);
  });

  it("a subject without [PATCH] is an error for that patch", async () => {
    const raws = series();
    raws[1] = withHeader(raws[1]!, "Subject", "1/3 openposix/aio_cancel: Add helper functions");
    const r = await only(raws);
    expect(errors(r, "subject").map((f) => f.patch)).toEqual([null]);
  });
});

describe("authorship and sign-off", () => {
  it("a patch without Signed-off-by gets an error for that patch only", async () => {
    const raws = series();
    raws[1] = withoutSignoff(raws[1]!);
    const r = await only(raws);
    expect(errors(r, "signed-off-by").map((f) => f.patch)).toEqual([1]);
    expect(errors(r, "signed-off-by")[0]!.fix).toContain("git commit --amend -s");
  });

  it("a sign-off by someone else than the author is an error; an in-body From: line makes the author", async () => {
    const other = withHeader(makefilePatch(), "From", "Jane Roe <jane@example.org>");
    expect(errors(await only([other]), "signed-off-by")[0]!.message).toContain("Jane Roe <jane@example.org>");
    const forwarded = editBody(other, (b) => `From: Petr Vorel <pvorel@suse.cz>\n\n${b}`);
    const r = await only([forwarded]);
    expect(errors(r)).toEqual([]);
    expect(r.passes.map((p) => p.message)).toContain(
      "the author is Petr Vorel <pvorel@suse.cz> (in-body From: line), sent by Jane Roe <jane@example.org>",
    );
  });

  it("a From rewritten for DMARC ('X via list') without an in-body From: is an error", async () => {
    const r = await only([dmarcMunged(makefilePatch(), "ltp@lists.linux.it")]);
    const author = errors(r, "author");
    expect(author).toHaveLength(1);
    expect(author[0]!.message).toContain("Petr Vorel via ltp <ltp@lists.linux.it>");
    expect(author[0]!.fix).toContain("--from");
  });
});

describe("damage by the mail client", () => {
  it("lines wrapped at 72 columns break the hunk counts, with the place named", async () => {
    const raws = series();
    raws[1] = wrapLines(raws[1]!);
    const r = await only(raws);
    const ws = errors(r, "whitespace");
    expect(ws.map((f) => f.patch)).toEqual([1]);
    expect(ws[0]!.message).toContain("a long line was wrapped");
    expect(ws[0]!.where).toMatch(
      /^testcases\/open_posix_testsuite\/include\/aio_test\.h \(line \d+ of the mail's text\)$/,
    );
  });

  it("tabs turned into spaces are found in a Makefile and in kernel-style C", async () => {
    const make = errors(await only([expandTabs(makefilePatch())]), "whitespace");
    expect(make.map((f) => f.where)).toEqual([expect.stringMatching(/^Makefile:213 /)]);
    const raws = series();
    raws[2] = expandTabs(raws[2]!);
    const c = errors(await only(raws), "whitespace");
    expect(c.every((f) => f.patch === 2)).toBe(true);
    expect(c.map((f) => f.message).join()).toContain("turned tabs into spaces");
  });

  it("CRs at the end of added lines are an error", async () => {
    const r = await only([crOnAddedLines(makefilePatch())]);
    expect(errors(r, "whitespace").map((f) => f.message)).toEqual([
      expect.stringMatching(/^31 line\(s\) of the diff end with a carriage return/),
    ]);
  });

  it("the same patch with CRLF line ends throughout (as IMAP delivers it) is fine", async () => {
    const crlf = Buffer.from(makefilePatch().toString("latin1").replace(/\n/g, "\r\n"), "latin1");
    expect((await only([crlf])).findings).toEqual([]);
    expect(errors(await only([crOnAddedLines(crlf)]), "whitespace")).toHaveLength(1);
  });

  it("quoted-printable escapes left in the text are found", async () => {
    const r = await only([quotedPrintableLeftIn(makefilePatch())]);
    expect(
      errors(r, "whitespace")
        .map((f) => f.message)
        .join(),
    ).toContain("quoted-printable escapes");
  });

  it("format=flowed joining the diff's space-ended lines is named as the cause", async () => {
    const r = await only([declaredFlowed(makefilePatch())]);
    const ws = errors(r, "whitespace");
    expect(ws.length).toBeGreaterThan(0);
    expect(ws[0]!.message).toContain("format=flowed");
  });
});

describe("applying and the project's rules", () => {
  it("a patch git could not apply is an error naming it and git's words", async () => {
    const r = await only(series());
    expect(r.findings).toEqual([]);
    const failed = await checkFailed();
    expect(failed.patch).toBe(2);
    expect(failed.message).toContain("error: patch failed: testcases/x.c:10");
  });

  it("a rule matches added lines only, with file and line", async () => {
    const { reports } = await checkAllWithRule();
    const rule = reports[0]!.findings.filter((f) => f.check === "rule");
    expect(rule[0]!.where).toBe("testcases/open_posix_testsuite/include/aio_test.h:25");
    expect(rule[0]!.message).toContain("use tst_res() rather than printf() (rule no-printf");
    expect(rule.at(-1)!.message).toMatch(/^\d+ more line\(s\) break rule no-printf\.$/);
  });
});

async function checkFailed(): Promise<Finding> {
  const { reports } = await checkAll(series(), {
    apply: {
      state: "failed",
      branch: "master",
      head: "a".repeat(40),
      patch: 2,
      conflicts: ["testcases/x.c"],
      output: "Applying: one\nApplying: two\nerror: patch failed: testcases/x.c:10",
    },
  });
  return reports[0]!.findings.find((f) => f.check === "applies")!;
}

function checkAllWithRule() {
  return checkAll(series(), {
    rules: [{ name: "no-printf", pattern: "\\bprintf\\(", message: "use tst_res() rather than printf()" }],
  });
}
