import { describe, expect, it } from "vitest";

import { classifyMail } from "./classify";
import { parseSubject } from "./subject";
import type { MailKind } from "./types";

describe("classifyMail", () => {
  it.each<[string, { diff?: boolean; pull?: boolean; answers?: boolean }, MailKind, RegExp]>([
    ["[PATCH v2 2/3] x", { diff: true }, "patch", /numbered 2\/3 with a diff/],
    ["[PATCH 2/3] x", { diff: true, answers: true }, "patch", /numbered 2\/3/],
    ["[PATCH v5.1 10/12] x", { diff: true, answers: true }, "patch", /numbered 10\/12/],
    ["[PATCH] x", { diff: true }, "patch", /patch marker and a diff/],
    ["[PATCH v2] x", { diff: true, answers: true }, "patch", /sent in reply/],
    ["Fix pow overflow", { diff: true }, "patch", /no patch marker/],
    ["[PATCH 0/3] x", {}, "cover", /cover letter 0\/3/],
    ["[PATCH v2 0/3] x", { answers: true }, "cover", /cover letter/],
    ["[PULL 00/12] x", { pull: true }, "cover", /pull request cover letter 0\/12/],
    ["[PULL 03/15] x", { diff: true }, "patch", /numbered 3\/15/],
    ["[GIT PULL] x", { pull: true }, "pull", /names a repository/],
    ["[GIT PULL] x", {}, "pull", /marker in the subject/],
    ["[git pull] x", { pull: true, diff: true }, "pull", /also carries a diff/],
    ["Re: [PATCH] x", { diff: true, answers: true }, "reply", /Re:/],
    ["Re: [PATCH] x", { answers: true }, "reply", /subject starts with Re:/],
    ["Re: [PATCH 0/3] x", { answers: true }, "reply", /Re:/],
    ["question", { answers: true }, "reply", /In-Reply-To/],
    ["Fwd: [PATCH] x", { diff: true }, "other", /forwarded/],
    ["[PATCH 2/3] x", {}, "other", /numbered 2\/3 but no diff/],
    ["[PATCH] x", {}, "other", /patch marker in the subject but no diff/],
    ["hello", {}, "other", /no diff and no patch marker/],
  ])("%j %j is %s", (subject, facts, kind, reason) => {
    const result = classifyMail({
      subject: parseSubject(subject),
      hasDiff: facts.diff ?? false,
      hasPullRequest: facts.pull ?? false,
      answersAnother: facts.answers ?? false,
    });
    expect(result.kind).toBe(kind);
    expect(result.kindReason).toMatch(reason);
  });
});
