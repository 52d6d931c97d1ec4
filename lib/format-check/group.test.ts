import { describe, expect, it } from "vitest";

import { groupSubmissions } from "./group";
import { AIO_CANCEL, fixture, sentTo, withHeader } from "./test-support/mails";
import { ADDRESS, readAll, T0 } from "./test-support/submissions";

const series = () => AIO_CANCEL.map((f) => sentTo(fixture(f), ADDRESS));
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("grouping the mailbox's mails into series", () => {
  it("a whole series with its cover letter is ready at once, in one submission", async () => {
    const g = groupSubmissions(await readAll(series()), { now: at(4), waitMs: 120_000 });
    expect(g.waiting).toEqual([]);
    expect(g.ready).toHaveLength(1);
    const s = g.ready[0]!;
    expect(s.series.headMsgid).toBe("20260203125029.15413-1-mdoucha@suse.cz");
    expect(s.series.total).toBe(3);
    expect(s.mails).toHaveLength(4);
    expect(s.sender.email).toBe("mdoucha@suse.cz");
  });

  it("a series without patch 2/3 waits for it, and is ready once nothing came for the wait", async () => {
    const mails = await readAll([series()[0]!, series()[1]!, series()[3]!]);
    expect(groupSubmissions(mails, { now: at(60), waitMs: 120_000 }).waiting).toHaveLength(1);
    const later = groupSubmissions(mails, { now: at(2 + 120), waitMs: 120_000 });
    expect(later.waiting).toEqual([]);
    expect(later.ready[0]!.series.patches.map((p) => p.index)).toEqual([1, 3]);
  });

  it("a part numbered out of the series' total, threaded under its cover, joins the submission", async () => {
    const raws = series();
    raws[3] = withHeader(raws[3]!, "Subject", "[PATCH 4/4] aio_cancel_2-1: Rewrite test");
    const g = groupSubmissions(await readAll(raws), { now: at(600), waitMs: 120_000 });
    expect(g.ready).toHaveLength(1);
    expect(g.ready[0]!.mails).toHaveLength(4);
  });

  it("two senders make two submissions; a mail that is no patch belongs to none", async () => {
    const other = withHeader(
      withHeader(series()[1]!, "From", "Jane Roe <jane@example.org>"),
      "Message-ID",
      "<j1@example.org>",
    );
    const question = withHeader(
      withHeader(
        Buffer.from(`From: Ann <ann@example.org>\nTo: ${ADDRESS}\nSubject: how do I send?\n\nhello\n`),
        "Message-ID",
        "<q@example.org>",
      ),
      "Date",
      "Tue, 3 Feb 2026 13:50:23 +0100",
    );
    const g = groupSubmissions(await readAll([...series(), other, question]), {
      now: at(600),
      waitMs: 120_000,
    });
    expect(g.ready.map((s) => s.sender.email).sort()).toEqual(["jane@example.org", "mdoucha@suse.cz"]);
    expect(g.notPatches.map((m) => m.mail.messageId)).toEqual(["q@example.org"]);
  });
});
