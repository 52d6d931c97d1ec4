import { describe, expect, it } from "vitest";

import { parsePerson } from "./addresses";
import { parseRangeStatement, parseScopeAfter, parseScopeBefore } from "./trailer-range";
import { parseTrailers } from "./trailers";

describe("parseTrailers", () => {
  it("odd-cased tag names match but are kept as written (patchew 0002)", () => {
    const trailers = parseTrailers(
      "Commit text.\n\nSigned-off-by: Fam Zheng <famz@redhat.com>\nReviewed-By: Fam Zheng <famz@redhat.com>\ntESTed-bY: Fam Zheng <famz@redhat.com>\n",
    );
    expect(trailers.map((t) => [t.kind, t.key, t.line])).toEqual([
      ["Signed-off-by", "signed-off-by", "Signed-off-by: Fam Zheng <famz@redhat.com>"],
      ["Reviewed-By", "reviewed-by", "Reviewed-By: Fam Zheng <famz@redhat.com>"],
      ["tESTed-bY", "tested-by", "tESTed-bY: Fam Zheng <famz@redhat.com>"],
    ]);
    expect(trailers[1]!.person).toEqual({ name: "Fam Zheng", email: "famz@redhat.com" });
  });

  it.each<[string, string, { name: string; email: string } | null]>([
    [
      "name and address",
      "Reviewed-by: Jane Doe <Jane@Example.COM>",
      { name: "Jane Doe", email: "jane@example.com" },
    ],
    [
      "quoted name",
      'Acked-by: "Doe, Jane" <jane@example.com>',
      { name: "Doe, Jane", email: "jane@example.com" },
    ],
    ["bare address", "Tested-by: jane@example.com", { name: "", email: "jane@example.com" }],
    [
      "address with comment",
      "Cc: stable@vger.kernel.org # 6.1+",
      { name: "", email: "stable@vger.kernel.org" },
    ],
    [
      "old style name in parentheses",
      "Reported-by: jane@example.com (Jane Doe)",
      { name: "Jane Doe", email: "jane@example.com" },
    ],
    [
      "custom -by tag",
      "Bisected-by: Jane Doe <jane@example.com>",
      { name: "Jane Doe", email: "jane@example.com" },
    ],
    [
      "decoded non-ASCII name",
      "Reviewed-by: Philippe Mathieu-Daudé <philmd@redhat.com>",
      { name: "Philippe Mathieu-Daudé", email: "philmd@redhat.com" },
    ],
    ["name without address", "Reviewed-by: Jane Doe", null],
    ["Fixes names no person", 'Fixes: 0123456789ab ("foo: bar <baz@x>")', null],
    ["Message-Id names no person", "Message-Id: <20220328140604.41484-3-victortoso@redhat.com>", null],
  ])("a trailer with %s gives the expected person", (_, line, person) => {
    const [trailer] = parseTrailers(line);
    expect(trailer).toBeDefined();
    expect(trailer!.person).toEqual(person);
  });

  it.each([
    ["Link", "Link: https://lore.kernel.org/r/20160628014747.20971-1-famz@redhat.com", "link"],
    ["Message-ID", "Message-ID: <a@b>", "message-id"],
    ["Based-on", "Based-on: <a@b>", "based-on"],
    ["Supersedes", "Supersedes: <a@b>", "supersedes"],
    ["Closes", "Closes: https://bugs/1", "closes"],
    ["Co-developed-by", "Co-developed-by: A <a@b>", "co-developed-by"],
    ["Reported-and-tested-by", "Reported-and-tested-by: A <a@b>", "reported-and-tested-by"],
    ["Requested-by", "Requested-by: A <a@b>", "requested-by"],
    ["Depends-on", "Depends-on: <a@b>", "depends-on"],
  ])("%s is a known tag", (_, line, key) => {
    expect(parseTrailers(line).map((t) => t.key)).toEqual([key]);
  });

  it.each([
    ["a quoted tag", "> Reviewed-by: Jane <jane@example.com>"],
    ["a quoted tag after white space", "  >> Reviewed-by: Jane <jane@example.com>"],
    ["an unknown tag", "Subject: hello"],
    ["prose with a colon", "Note: this is not a trailer"],
    ["an empty value", "Reviewed-by:"],
    [
      "a tag inside a diff",
      "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n+Reviewed-by: Jane <jane@example.com>",
    ],
    [
      "a tag after a bare unified diff",
      "--- a/x\n+++ b/x\n@@ -1 +1 @@\n Signed-off-by: Jane <jane@example.com>",
    ],
  ])("%s is not a trailer", (_, text) => {
    expect(parseTrailers(text)).toEqual([]);
  });

  it("tags in a reply below quoted text count (patchew 0003)", () => {
    const text =
      "On Mon, Jane wrote:\n> Signed-off-by: Leon <leon@example.com>\n> ---\n\nReviewed-by: Aurelien Jarno <aurelien@aurel32.net>\n";
    expect(parseTrailers(text).map((t) => t.line)).toEqual([
      "Reviewed-by: Aurelien Jarno <aurelien@aurel32.net>",
    ]);
  });

  it.each<[string, number[] | null]>([
    ["For patches 1-3:", [1, 2, 3]],
    ["Patches 1,2 and 4:", [1, 2, 4]],
    ["for 1-3 and 5:", [1, 2, 3, 5]],
    ["To patches 2-4:", [2, 3, 4]],
    ["1,2,4:", [1, 2, 4]],
    ["Patch 2:", [2]],
    ["Patches 2 and 5:", [2, 5]],
    ["For the patches 1 - 2, and 7:", [1, 2, 7]],
    ["Patch 3 looks odd to me:", null],
    ["Fixed in 1-3.", null],
    ["I tested this on 2 machines:", null],
    ["For patches 3-1:", null],
    ["For patches 1-5000:", null],
    ["Hi,", null],
  ])("a range statement %j names %j", (line, expected) => {
    expect(parseRangeStatement(line)).toEqual(expected);
  });

  it("a range statement limits the trailers that follow it in its paragraph", () => {
    const text = [
      "Looks good.",
      "",
      "For patches 1-3:",
      "Reviewed-by: A <a@example.com>",
      "Tested-by: A <a@example.com>",
      "",
      "Patch 5:",
      "Acked-by: A <a@example.com>",
      "",
      "Acked-by: B <b@example.com>",
    ].join("\n");
    expect(parseTrailers(text).map((t) => [t.key, t.appliesTo])).toEqual([
      ["reviewed-by", [1, 2, 3]],
      ["tested-by", [1, 2, 3]],
      ["acked-by", [5]],
      ["acked-by", null],
    ]);
  });

  it("a range statement followed by prose does not limit a later trailer", () => {
    const text = "For patches 1-3:\nI have a question.\nReviewed-by: A <a@example.com>";
    expect(parseTrailers(text)[0]!.appliesTo).toBeNull();
  });

  it("CRLF line endings are handled", () => {
    expect(parseTrailers("x\r\nAcked-by: A <a@example.com>\r\n")[0]!.value).toBe("A <a@example.com>");
  });
});

describe("a tag said to be for the whole series or some patches", () => {
  const jane = "Reviewed-by: Jane <jane@example.com>";
  const scopeOf = (text: string) => parseTrailers(text).map((t) => t.appliesTo);

  it.each<[string, string]>([
    // LTP, <12777454.O9o76ZdvQC@thinkpad>: a paragraph of its own after the tag.
    [
      "a paragraph of its own below the tag",
      `Hi Petr,\n\n${jane}\n\nfor all patches in the series.\n\n\nThanks,\nJane`,
    ],
    // LTP, <12781063.O9o76ZdvQC@thinkpad> and <12750853.O9o76ZdvQC@thinkpad>.
    ["the line just below the tag", `Hi Petr,\n\n${jane}\nfor both patches.\n\nRegards,`],
    ["the line just below the tag, with an article", `${jane}\nfor both the patches.`],
    // LTP, <3388220.aeNJFYEL58@thinkpad>.
    ["a parenthesis below the tag", `ok, I forgot about that.\n\n${jane}\n(for all patches in the series)\n`],
    // LTP, <12721614.O9o76ZdvQC@thinkpad>.
    ["'this series' below the tag", `s/autotols/autotools\n\n${jane}\nfor all patches in this series.\n`],
    // LTP, <CAEemH2ckPaOroqTW5q42AqT6=PO1N=6kbpKa2kej=kP8+S36ag@mail.gmail.com>.
    [
      "a colon statement above, a blank line between",
      `We need to adjust it.\n\nOtherwise for the whole patchset:\n\n${jane}\n`,
    ],
    // LTP, <CAEemH2fogMWAawF4eqWrLhJphMMq=V8GrO2DFuGxMKEp+zqZ_A@mail.gmail.com>.
    [
      "an approving sentence above",
      `Does 15 mean anything?\n\nAnyway, the whole patch set looks good to me:\n${jane}`,
    ],
    // LTP, <CAEemH2ddtfdUZU3ToFn_stU+mE9ADQAHzWuK0mOj9nN39Jrj5w@mail.gmail.com>, <CAASaF6z…@mail.gmail.com>.
    ["'For the patch set:' above", `Hi Petr,\n\nFor the patch set:\n${jane}`],
    ["'To series:' above", `> ---\n\nTo series:\n${jane}`],
    ["'Whole series:' above", `Whole series:\n${jane}`],
    ["'For the whole series:' above", `For the whole series:\n${jane}`],
    // LTP, <20260122080204.GA47888@pevik>, <20260128232616.GA69843@pevik>.
    ["an approval in the last sentence above", `Good point, Li.\nAlso whole patchset LGTM.\n${jane}`],
    ["an ack of both commits above", `OK. Ack for both commits.\n${jane}`],
    ["the rest of the tag's own line", `${jane} for all patches`],
    ["a parenthesis on the tag's own line", `${jane} (for the whole series)`],
  ])("%s gives every patch", (_, text) => {
    expect(scopeOf(text)).toEqual(["all"]);
  });

  it.each<[string, string, number[]]>([
    ["a range above", `For patches 1-3:\n${jane}`, [1, 2, 3]],
    ["a range above, after a lead-in word", `Otherwise for patches 1 and 3:\n${jane}`, [1, 3]],
    ["a range above, a blank line between", `For 2-3:\n\n${jane}`, [2, 3]],
    ["a range below", `${jane}\nfor patches 1-3.`, [1, 2, 3]],
    ["a bare range below", `${jane}\n(for 1-3)`, [1, 2, 3]],
    ["a range on the tag's own line", `${jane} for patches 2 and 4`, [2, 4]],
  ])("%s gives those patches", (_, text, numbers) => {
    expect(scopeOf(text)).toEqual([numbers]);
  });

  it.each<[string, string]>([
    ["a remark that other patches were not looked at", `I haven't looked at the other patches.\n${jane}`],
    ["'for this patch'", `For this patch:\n${jane}`],
    ["'for this patch' below", `${jane}\nfor this patch.`],
    ["a doubt about the series", `Not sure about the whole series, but this one is fine:\n${jane}`],
    ["a question about the series", `Is the whole series needed?\n${jane}`],
    ["a limit to this patch", `For the series only patch 1 is ready:\n${jane}`],
    ["thanks for the series", `Thanks for the series, this one looks good:\n${jane}`],
    ["a mere mention of the series", `I would add one more test to the series:\n${jane}`],
    ["'for the rest'", `For the rest also from me:\n\n${jane}`],
    ["a statement above that is followed by prose", `For the whole series:\nI have a question.\n\n${jane}`],
    ["a statement without a colon, a blank line between", `Looks good for the whole series\n\n${jane}`],
    ["a statement in quoted text", `> for all patches in the series\n\n${jane}`],
    ["a statement below in quoted text", `${jane}\n> for all patches in the series.`],
    ["a quoted statement above", `> Otherwise for the whole patchset:\n${jane}`],
    ["a sentence below that goes on", `${jane}\n\nfor all patches in the series I will send a v2.`],
    [
      "a colon statement below, which is about the next block",
      `${jane}\n\nFor the whole series:\nTested-by: Bob <bob@example.com>`,
    ],
  ])("%s does not spread the tag", (_, text) => {
    expect(scopeOf(text)[0]).toBeNull();
  });

  it("a scope below a block of tags covers the whole block, and a later block is on its own", () => {
    const text = `${jane}\nTested-by: Jane <jane@example.com>\nfor both patches.\n\nAcked-by: Bob <bob@example.com>\n`;
    expect(scopeOf(text)).toEqual(["all", "all", null]);
  });

  it("the scope on a tag's own line is not part of the person it names", () => {
    const [t] = parseTrailers(`Reviewed-by: jane@example.com (for the whole series)`);
    expect(t).toMatchObject({
      value: "jane@example.com",
      person: { name: "", email: "jane@example.com" },
      line: "Reviewed-by: jane@example.com (for the whole series)",
      appliesTo: "all",
    });
  });

  it.each<[string, "all" | number[] | null]>([
    ["for all patches in the series.", "all"],
    ["(for all patches in the series)", "all"],
    ["for both the patches.", "all"],
    ["for the whole patch-set", "all"],
    ["for patches 1-3", [1, 2, 3]],
    ["for 1-3.", [1, 2, 3]],
    ["for this patch.", null],
    ["for all of them", null],
    ["Thanks for the series.", null],
    ["for all patches in the series I will send a v2.", null],
  ])("the line %j below a tag gives %j", (line, expected) => {
    expect(parseScopeAfter(line)).toEqual(expected);
  });

  it.each<[string, "all" | number[] | null]>([
    ["Otherwise for the whole patchset:", "all"],
    ["The rest whole patch set looks good:", "all"],
    ["This series looks good to me.", "all"],
    ["LGTM for the series", "all"],
    ["Reviewed the whole series:", "all"],
    ["Patch 3 looks odd to me:", null],
    ["The whole series needs a rebase, but:", null],
    ["I have not reviewed all patches:", null],
    ["Could you split the series?", null],
  ])("the statement %j above a tag gives %j", (line, expected) => {
    expect(parseScopeBefore(line, line)).toEqual(expected);
  });
});

describe("parsePerson", () => {
  it.each([
    ["Jane <not an address>", null],
    ["<jane@example.com", null],
    ["", null],
  ])("%j names nobody", (value, expected) => {
    expect(parsePerson(value)).toBe(expected);
  });
});
