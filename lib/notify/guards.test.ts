import { describe, expect, it } from "vitest";

import { excerptAmOutput, excerptTestLog } from "./log-excerpt";
import { loopGuard } from "./loop-guard";
import { isRobotMessageId, messageIdDomainOf, robotMessageId } from "./robot-message-id";
import { shellWord } from "./shell-quote";

const DOMAIN = "patchwatch.example.org";
const target = {
  to: ["author@example.org"],
  inReplyTo: "cover@example.org",
  robotAddress: "robot@example.org",
  messageIdDomain: DOMAIN,
};
const human = {
  msgid: "cover@example.org",
  fromEmail: "author@example.org",
  autoSubmitted: false,
  ours: false,
};

describe("loopGuard", () => {
  it.each([
    ["a human's series", [human], target, null],
    ["a series marked Auto-Submitted", [{ ...human, autoSubmitted: true }], target, /^auto-submitted:/],
    [
      "a series sent from the robot's address",
      [{ ...human, fromEmail: "robot@example.org" }],
      target,
      /^robot sender:/,
    ],
    ["one of our mails come back", [{ ...human, ours: true }], target, /^mail loop:/],
    [
      "a Message-ID of ours not stored here",
      [{ ...human, msgid: robotMessageId("ab12", DOMAIN) }],
      target,
      /^mail loop:/,
    ],
    ["a reply to a mail of ours", [], { ...target, inReplyTo: robotMessageId("ff", DOMAIN) }, /^mail loop:/],
    ["the robot as the author", [human], { ...target, to: ["ROBOT@example.org"] }, /^robot sender:/],
    ["nobody to write to", [human], { ...target, to: [] }, /^no recipient/],
  ])("%s: %s", (_name, answered, mail, expected) => {
    const reason = loopGuard(answered, mail);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});

describe("robot Message-IDs", () => {
  it("are recognised by their form and domain only", () => {
    expect(isRobotMessageId(robotMessageId("0a1b", DOMAIN), DOMAIN)).toBe(true);
    expect(isRobotMessageId("patchwatch.0a1b@other.example.org", DOMAIN)).toBe(false);
    expect(isRobotMessageId("20160628014747.20971-1-famz@redhat.com", DOMAIN)).toBe(false);
    expect(messageIdDomainOf("https://patchwatch.example.org:8443/base")).toBe(DOMAIN);
  });
});

describe("shellWord", () => {
  it.each([
    ["20160628014747.20971-1-famz@redhat.com", "20160628014747.20971-1-famz@redhat.com"],
    ["a'b$(rm -rf ~)@x", `'a'\\''b$(rm -rf ~)@x'`],
    ["-rf@x", "'-rf@x'"],
    ["x;y@z", "'x;y@z'"],
  ])("%j is written %s", (value, expected) => {
    expect(shellWord(value)).toBe(expected);
  });
});

describe("log excerpts", () => {
  it("keep git am's lines about the failing patch and drop its advice", () => {
    const out = `Applying: one\nApplying: two\nerror: patch failed: src/a.c:12\nerror: src/a.c: patch does not apply\nhint: Use 'git am --show-current-patch=diff' to see the failed patch\nPatch failed at 0002 two\nWhen you have resolved this problem, run "git am --continue".`;
    expect(excerptAmOutput(out).lines).toEqual([
      "Applying: two",
      "error: patch failed: src/a.c:12",
      "error: src/a.c: patch does not apply",
      "Patch failed at 0002 two",
    ]);
  });

  it("start eight lines before the first failure (a warning is none), without colours", () => {
    const log = [
      "\u001b[1mbuilding\u001b[0m",
      "foo.c:1: warning: unused",
      ...Array.from({ length: 30 }, (_, i) => `ok ${i}`),
      "\u001b[31mnot ok 31 - crash\u001b[0m",
      "ok 32",
    ].join("\n");
    const excerpt = excerptTestLog(log);
    expect(excerpt.lines[0]).toBe("ok 22");
    expect(excerpt.lines).toContain("not ok 31 - crash");
    expect(excerpt.lines.at(-1)).toBe("ok 32");
    expect(excerpt.cut).toBe(true);
  });
});
