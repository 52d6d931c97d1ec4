import { describe, expect, it } from "vitest";

import { parseHints } from "../mail/hints";
import { parseSubject } from "../mail/subject";
import { parseTrailers } from "../mail/trailers";
import type { Mail } from "../mail/types";
import { toSeriesMessage } from "./from-mail";

function mail(overrides: Partial<Mail>): Mail {
  const body = "Fix it.\n\nReviewed-by: Bob <bob@example.com>\nBased-on: <base@x>\n";
  return {
    messageId: "p@x",
    messageIdSynthesized: false,
    subject: "[PATCH v2 1/2] fix it",
    parsedSubject: parseSubject("[PATCH v2 1/2] fix it"),
    from: { name: "Alice", email: "alice@example.com" },
    to: [],
    cc: [],
    date: new Date("2024-01-01T00:00:00Z"),
    inReplyTo: "c@x",
    references: ["c@x"],
    listId: null,
    autoSubmitted: false,
    body,
    patch: null,
    pullRequest: null,
    trailers: parseTrailers(body),
    hints: parseHints(body),
    kind: "patch",
    kindReason: "has a diff",
    warnings: [],
    ...overrides,
  };
}

describe("toSeriesMessage", () => {
  it("keeps what assembly needs and takes the patch-id from the diff", () => {
    const stat = { files: [], additions: 0, deletions: 0 };
    const m = toSeriesMessage(mail({ patch: { commitMessage: "", diff: "", stat, patchId: "abc123" } }), 42);
    expect(m).toMatchObject({
      msgid: "p@x",
      seq: 42,
      subject: "[PATCH v2 1/2] fix it",
      from: { email: "alice@example.com" },
      inReplyTo: "c@x",
      references: ["c@x"],
      kind: "patch",
      patchId: "abc123",
      hints: { basedOn: ["base@x"] },
    });
    expect(m.parsedSubject.part).toEqual({ index: 1, total: 2 });
    expect(m.trailers.map((t) => t.key)).toContain("reviewed-by");
  });

  it("a mail without a diff has no patch-id", () => {
    expect(toSeriesMessage(mail({ kind: "reply" }), 1).patchId).toBeNull();
  });
});
