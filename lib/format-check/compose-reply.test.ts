import { describe, expect, it } from "vitest";

import { composeReply } from "./compose-reply";
import { groupSubmissions } from "./group";
import { replyRefusal } from "./reply-policy";
import { AIO_CANCEL, fixture, sentTo, withHeader, withoutSignoff } from "./test-support/mails";
import { ADDRESS, checkAll, readAll, T0 } from "./test-support/submissions";

const series = () => AIO_CANCEL.map((f) => sentTo(fixture(f), ADDRESS));
const context = { project: "ltp", lists: ["ltp@lists.linux.it"] };

describe("the reply", () => {
  it("a clean series gets a 'looks good' reply in the cover letter's thread", async () => {
    const { grouped, reports } = await checkAll(series());
    const reply = composeReply(grouped.ready[0]!, reports[0]!, context);
    expect(reply.subject).toBe("Re: [PATCH 0/3] Rewrite aio_cancel_2-1");
    expect(reply.inReplyTo).toBe("20260203125029.15413-1-mdoucha@suse.cz");
    expect(reply.references).toEqual(["20260203125029.15413-1-mdoucha@suse.cz"]);
    expect(reply.seriesKey).toBe("20260203125029.15413-1-mdoucha@suse.cz v1");
    expect(reply.errors).toBe(0);
    expect(reply.text).toContain("It looks good: no problem found.");
    expect(reply.text).toContain("You can send it to ltp@lists.linux.it.");
    expect(reply.text).toContain("  - patches 1, 2, 3: nothing to fix");
    expect(reply.text.split("\n").every((l) => l.length <= 74)).toBe(true);
  });

  it("a broken patch gets its problem, where and how to fix, under its own heading, with what is right about it", async () => {
    const raws = series();
    raws[2] = withoutSignoff(raws[2]!);
    const { grouped, reports } = await checkAll(raws);
    const reply = composeReply(grouped.ready[0]!, reports[0]!, context);
    expect(reply.errors).toBe(1);
    expect(reply.text).toContain("I found 1 problem to fix before it goes to ltp@lists.linux.it.");
    expect(reply.text).toMatch(
      /Patch 2: \[PATCH 2\/3\] openposix\/aio_cancel: Use setup helper functions in tests 5 and 7\n {2}- There is no Signed-off-by: line/,
    );
    expect(reply.text).toContain("    how to fix: Add it with `git commit --amend -s`");
    expect(reply.text).toContain("  + ok: the author is Martin Doucha <mdoucha@suse.cz>");
    expect(reply.text).toContain("  - patches 1, 3: nothing to fix");
  });

  it("a single patch is answered under its own subject; a subject's line breaks do not reach the headers", async () => {
    const single = withHeader(
      series()[1]!,
      "Subject",
      "[PATCH] openposix/aio_cancel: Add helper\n functions",
    );
    const { grouped, reports } = await checkAll([single]);
    const reply = composeReply(grouped.ready[0]!, reports[0]!, context);
    expect(reply.subject).toBe("Re: [PATCH] openposix/aio_cancel: Add helper functions");
    expect(reply.inReplyTo).toBe("20260203125029.15413-2-mdoucha@suse.cz");
  });
});

describe("who is never answered", () => {
  const submission = async (raws: Buffer[]) =>
    groupSubmissions(await readAll(raws), { now: new Date(T0.getTime() + 3_600_000), waitMs: 120_000 })
      .ready[0]!;

  it("a person is answered", async () => {
    expect(replyRefusal(await submission(series()), [ADDRESS])).toBeNull();
  });

  it("a program (Auto-Submitted), the robot itself and a bounce address are not", async () => {
    const auto = series().map((r) => withHeader(r, "Auto-Submitted", "auto-generated"));
    expect(replyRefusal(await submission(auto), [ADDRESS])).toMatch(/^sent by a program/);
    const self = series().map((r) => withHeader(r, "From", `Format check <${ADDRESS}>`));
    expect(replyRefusal(await submission(self), [ADDRESS])).toBe("sent from the robot's own address");
    const bounce = series().map((r) => withHeader(r, "From", "MAILER-DAEMON@example.org"));
    expect(replyRefusal(await submission(bounce), [ADDRESS])).toBe("sent from an address no one reads");
  });
});
