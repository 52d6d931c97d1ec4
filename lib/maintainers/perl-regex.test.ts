import { describe, expect, it } from "vitest";

import { perlRegexSource, perlRegexToJs } from "./perl-regex";

describe("perlRegexToJs", () => {
  it.each([
    ["^Subject:.*(?i)trivial", "Subject: [PATCH] TriViaL fix", true],
    ["^Subject:.*(?i)trivial", "subject: trivial", false],
    ["^Subject:.*(?i)s390x?", "Subject: S390 cleanup", true],
    ["(?i:abc)d", "ABCd", true],
    ["(?i:abc)d", "ABCD", false],
    ["\\b(printk|pr_(info|err))\\b", "+\tpr_err(x)", true],
    ["of_get_ profile # a comment", "of_get_profile", true],
    ["(?i)[a-c]x", "Bx", true],
  ])("%j on %j: %s", (source, text, result) => {
    expect(perlRegexToJs(source, { extended: true }).test(text)).toBe(result);
  });

  it("keeps blanks inside a character class under /x", () => {
    expect(perlRegexSource("a [ ]b", { extended: true })).toBe("a[ ]b");
  });
});
