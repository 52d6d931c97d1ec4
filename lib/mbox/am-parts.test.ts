import { describe, expect, it } from "vitest";

import { amSubject, encodeUnstructured, formatAddress } from "./am-headers";
import { type CollectedTrailer, trailersToAdd } from "./am-trailers";
import { findTrailerSlot } from "./trailer-slot";

function slot(text: string) {
  const s = findTrailerSlot(Buffer.from(text));
  return { ...s, after: text.slice(0, s.at) + "|" + text.slice(s.at) };
}

describe("findTrailerSlot", () => {
  it.each([
    [
      "joins the trailer block that ends the commit message, before `---`",
      "Fix it.\n\nSigned-off-by: A <a@x>\n---\n f | 1 +\n",
      "Fix it.\n\nSigned-off-by: A <a@x>\n|---\n f | 1 +\n",
      "",
    ],
    [
      "leaves the blank line before `---` where it was",
      "Fix it.\n\nSigned-off-by: A <a@x>\n\n---\n",
      "Fix it.\n\nSigned-off-by: A <a@x>\n|\n---\n",
      "",
    ],
    [
      "opens a new paragraph after a message without trailers",
      "Fix it.\nTwo lines.\n---\n",
      "Fix it.\nTwo lines.\n|---\n",
      "\n",
    ],
    [
      "counts a paragraph of text and a Signed-off-by as a trailer block (git's 25% rule)",
      "Fix it.\n\nSome words\nSigned-off-by: A <a@x>\n---\n",
      "Fix it.\n\nSome words\nSigned-off-by: A <a@x>\n|---\n",
      "",
    ],
    [
      "keeps `[note]` lines and folded values inside the block",
      "Fix.\n\nSigned-off-by: A <a@x>\n[b: fixed a typo]\nLink: https://x/\n  continued\n---\n",
      "Fix.\n\nSigned-off-by: A <a@x>\n[b: fixed a typo]\nLink: https://x/\n  continued\n|---\n",
      "",
    ],
    [
      "ends the message at `diff -` when there is no `---`",
      "Fix.\n\nSigned-off-by: A <a@x>\ndiff --git a/f b/f\n",
      "Fix.\n\nSigned-off-by: A <a@x>\n|diff --git a/f b/f\n",
      "",
    ],
    [
      "ends the message at `--- a/file` as git mailinfo does",
      "Fix.\n\nSigned-off-by: A <a@x>\n--- a/f\n+++ b/f\n",
      "Fix.\n\nSigned-off-by: A <a@x>\n|--- a/f\n+++ b/f\n",
      "",
    ],
    [
      "does not take `----` or `--- ` followed by a blank for the end",
      "Fix.\n----\nSigned-off-by: A <a@x>\n---\n",
      "Fix.\n----\nSigned-off-by: A <a@x>\n|---\n",
      "",
    ],
    [
      "adds the line end a message without one lacks",
      "Fix.\n\nSigned-off-by: A <a@x>",
      "Fix.\n\nSigned-off-by: A <a@x>|",
      "\n",
    ],
    ["puts trailers first in an empty message", "---\n f | 1 +\n", "|---\n f | 1 +\n", ""],
  ])("%s", (_name, text, expected, before) => {
    const s = slot(text);
    expect(s.after).toBe(expected);
    expect(s.before).toBe(before);
  });

  it("uses CRLF where the message does, and hands back the block's lines", () => {
    const s = findTrailerSlot(Buffer.from("Fix.\r\n\r\nSigned-off-by: A <a@x>\r\n---\r\n"));
    expect(s.eol).toBe("\r\n");
    expect(s.block).toEqual(["Signed-off-by: A <a@x>"]);
  });
});

function trailer(over: Partial<CollectedTrailer> & { line: string }): CollectedTrailer {
  const kind = over.line.split(":")[0]!;
  const email = /<([^>]+)>/.exec(over.line)?.[1] ?? "";
  const name = over.line.replace(/^[^:]+:\s*/, "").replace(/\s*<.*$/, "");
  return {
    kind,
    key: kind.toLowerCase(),
    name,
    email,
    origin: "reply-to-patch",
    sender: { name, email },
    ...over,
  };
}

describe("trailersToAdd", () => {
  it("orders as b4 am -t does: replies to the patch, carried ones, then replies to the cover letter", () => {
    const lines = trailersToAdd(
      [
        trailer({ line: "Acked-by: C <c@x>", origin: "reply-to-cover" }),
        trailer({ line: "Reviewed-by: A <a@x>" }),
        trailer({ line: "Tested-by: D <d@x>", origin: "range-reply" }),
        trailer({ line: "Reviewed-by: E <e@x>", origin: "carried" }),
        trailer({ line: "Tested-by: B <b@x>" }),
      ],
      [],
    );
    expect(lines).toEqual([
      "Reviewed-by: A <a@x>",
      "Tested-by: B <b@x>",
      "Reviewed-by: E <e@x>",
      "Acked-by: C <c@x>",
      "Tested-by: D <d@x>",
    ]);
  });

  it("leaves out what the patch already says, and a tag one person gave twice", () => {
    const lines = trailersToAdd(
      [
        trailer({ line: "Reviewed-by: A <a@x>", origin: "in-patch" }),
        trailer({ line: "Reviewed-by: A <A@X>" }),
        trailer({ line: "Tested-by: B <b@x>" }),
        trailer({ line: "Tested-by: B. B. <b@x>", sender: { name: "B", email: "b@x" } }),
        trailer({ line: "Acked-by: C <c@x>" }),
      ],
      ["Signed-off-by: Author <au@x>", "Acked-by: C <c@x>"],
    );
    expect(lines).toEqual(["Tested-by: B <b@x>"]);
  });

  it("takes a tag only from the person it names (by address, or by exact name as b4 does)", () => {
    const lines = trailersToAdd(
      [
        trailer({ line: "Reviewed-by: Boss <boss@x>", sender: { name: "Mallory", email: "m@evil" } }),
        trailer({
          line: "Reviewed-by: Jane Doe <jane@work>",
          sender: { name: "jane doe", email: "jane@home" },
        }),
        trailer({
          line: "Reviewed-by: Nobody",
          email: "",
          name: "Nobody",
          sender: { name: "Nobody", email: "" },
        }),
        trailer({ line: "Signed-off-by: Maint <maint@x>" }),
        trailer({ line: "Cc: Someone <s@x>" }),
      ],
      [],
    );
    expect(lines).toEqual(["Reviewed-by: Jane Doe <jane@work>"]);
  });

  it("drops the scope a reviewer wrote after the tag, and control characters", () => {
    const lines = trailersToAdd(
      [
        trailer({ line: "Reviewed-by: A <a@x> for the whole series" }),
        trailer({ line: "Tested-by: B\u0007 <b@x>" }),
      ],
      [],
    );
    expect(lines).toEqual(["Reviewed-by: A <a@x>", "Tested-by: B <b@x>"]);
  });
});

describe("amSubject", () => {
  it.each([
    [{ version: 1, explicitVersion: false, isRfc: false, part: null }, "[PATCH] Fix it"],
    [
      { version: 2, explicitVersion: true, isRfc: false, part: { index: 3, total: 5 } },
      "[PATCH v2 3/5] Fix it",
    ],
    [
      { version: 1, explicitVersion: true, isRfc: false, part: { index: 1, total: 1 } },
      "[PATCH v1 1/1] Fix it",
    ],
    [
      { version: 3, explicitVersion: true, isRfc: true, part: { index: 0, total: 7 } },
      "[PATCH RFC v3 0/7] Fix it",
    ],
    [
      { version: 5.1, explicitVersion: true, isRfc: false, part: { index: 2, total: 4 } },
      "[PATCH v5.1 2/4] Fix it",
    ],
  ])("writes %j as %s", (parts, expected) => {
    expect(amSubject({ title: "Fix it", ...parts })).toBe(expected);
  });

  it("never lets a title break the header", () => {
    expect(
      amSubject({ title: "a\r\nBcc: x\u0000", version: 1, explicitVersion: false, isRfc: false, part: null }),
    ).toBe("[PATCH] a Bcc: x");
  });
});

describe("header encoding", () => {
  it("encodes a title that is not ASCII in RFC 2047 words, on folded lines within 78 characters", () => {
    const value = encodeUnstructured(`[PATCH] ${"Žluťoučký kůň ".repeat(8)}`, "\n");
    expect(value.startsWith("[PATCH]\n =?UTF-8?B?")).toBe(true);
    for (const line of value.split("\n")) expect(line.length).toBeLessThanOrEqual(78);
    const decoded = value
      .split("\n ")
      .map((w) => /^=\?UTF-8\?B\?(.*)\?=$/.exec(w)?.[1])
      .map((b) => (b === undefined ? null : Buffer.from(b, "base64").toString("utf8")));
    expect(decoded.slice(1).join("")).toBe(`${"Žluťoučký kůň ".repeat(8)}`.trim());
  });

  it("writes an address plainly, quoted, or encoded, and refuses one that is not an address", () => {
    expect(formatAddress({ name: "Jane Doe", email: "jane@x.org" }, "\n")).toBe("Jane Doe <jane@x.org>");
    expect(formatAddress({ name: "Doe, Jane", email: "jane@x.org" }, "\n")).toBe('"Doe, Jane" <jane@x.org>');
    expect(formatAddress({ name: "Ricardo B. Marlière", email: "rbm@suse.com" }, "\n")).toBe(
      "=?UTF-8?B?UmljYXJkbyBCLiBNYXJsacOocmU=?= <rbm@suse.com>",
    );
    expect(formatAddress({ name: "x", email: "a b@c" }, "\n")).toBeNull();
    expect(formatAddress({ name: "x", email: "a@b>\nBcc: c@d" }, "\n")).toBeNull();
  });
});
