import { describe, expect, it } from "vitest";

import { extractMessageIds, normalizeMessageId } from "./message-id";

describe("normalizeMessageId", () => {
  it.each<[string, string | null]>([
    ["<20160628014747.20971-1-famz@redhat.com>", "20160628014747.20971-1-famz@redhat.com"],
    ["  <abc@def>  ", "abc@def"],
    ["abc@def", "abc@def"],
    ["<abc@def> (added by postmaster@example.com)", "abc@def"],
    ["(comment) <abc@def>", "abc@def"],
    ["<abc@de\r\n f>", "abc@def"],
    ["<ABC@DEF>", "ABC@DEF"],
    ["<no-at-sign>", "no-at-sign"],
    ["<$(id);../@{u}>", "$(id);../@{u}"],
    ["<$(rm -rf ~)@x>", null],
    ["", null],
    ["<>", null],
    ["   ", null],
    ["<a\u0000b@c>", null],
    ["<a\nb@c>", null],
    ["<a b@c>", null],
    [`<${"x".repeat(999)}@a>`, null],
    [`${"x".repeat(10_000)}`, null],
  ])("%j normalises to %j", (raw, expected) => {
    expect(normalizeMessageId(raw)).toBe(expected);
  });
});

describe("extractMessageIds", () => {
  it.each<[string, string[]]>([
    ["<a@b> <c@d>", ["a@b", "c@d"]],
    ["<a@b>\r\n\t<c@d>\r\n <a@b>", ["a@b", "c@d"]],
    ['<a@b> (Fam Zheng\'s message of "Tue, 28 Jun 2016") <c@d>', ["a@b", "c@d"]],
    ["Your message of Tue <a@b>", ["a@b"]],
    ["a@b c@d", ["a@b", "c@d"]],
    ["garbage", []],
    ["", []],
    ["<> <a@b> <bad\u0001@x>", ["a@b"]],
  ])("%j gives %j", (value, expected) => {
    expect(extractMessageIds(value)).toEqual(expected);
  });
});
