import { describe, expect, it } from "vitest";

import { parsePerson } from "./addresses";
import { parseRangeStatement } from "./trailer-range";
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

describe("parsePerson", () => {
  it.each([
    ["Jane <not an address>", null],
    ["<jane@example.com", null],
    ["", null],
  ])("%j names nobody", (value, expected) => {
    expect(parsePerson(value)).toBe(expected);
  });
});
