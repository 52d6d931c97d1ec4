import { describe, expect, it } from "vitest";

import { classifyFromLine, looksLikeHeaderField } from "./from-line";

const classify = (line: string) => {
  const buf = Buffer.from(line, "latin1");
  return classifyFromLine(buf, 0, buf.length);
};

describe("classifying a `From ` line that follows an empty line", () => {
  it.each([
    ["From mboxrd@z Thu Jan  1 00:00:00 1970\n", "strong", "public-inbox / lore export"],
    [
      "From 3029b9604cf2b2eaa5f38167f59246e2fa026eb5 Mon Sep 17 00:00:00 2001\n",
      "strong",
      "git format-patch",
    ],
    ["From linux-kbuild  Sun Apr 07 23:09:09 2019\n", "strong", "two spaces after the sender"],
    ["From wang.yi59@zte.com.cn Mon Feb 12 8:54:21 2018\n", "strong", "unpadded hour"],
    ["From x Mon Feb 12 8:54:21 2018\r\n", "strong", "CRLF line ending"],
    ["From ltp-bounces@lists.linux.it Thu Sep 18 09:58:01 2025\n", "strong", "an MTA's envelope sender"],
    ["From A\n", "bare", "patchew's test separator"],
    ["From nobody\n", "bare", "patchew's test separator"],
    ["From here on we use the new API.\n", "body", "a sentence in an mboxo body"],
    ["From the point of view of the caller, nothing changes\n", "body", "a sentence in an mboxo body"],
    ["From  \n", "body", "no sender"],
  ])("%j is %s (%s)", (line, kind) => {
    expect(classify(line)).toBe(kind);
  });
});

describe("recognising a header field line", () => {
  it.each([
    ["Delivered-To: importer@patchew.org\n", true],
    ["Return-Path: <x@y>\r\n", true],
    ["Subject : obsolete space before the colon\n", true],
    ["thanks for the review\n", false],
    [": no name\n", false],
    ["\n", false],
  ])("%j → %s", (line, expected) => {
    const buf = Buffer.from(line);
    expect(looksLikeHeaderField(buf, 0, buf.length)).toBe(expected);
  });
});
