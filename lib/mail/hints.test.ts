import { describe, expect, it } from "vitest";

import { parseHints } from "./hints";
import { messageIdFromUrl } from "./message-id-url";

const ID = "20160628014747.20971-1-famz@redhat.com";

describe("parseHints", () => {
  it.each([
    ["Based-on without brackets (patchew 0014)", `---\nBased-on: ${ID}\n`, [ID]],
    ["Based-on with brackets (patchew 0015)", `Based-on: <${ID}>`, [ID]],
    ["lower-case based-on", `based-on: <${ID}>`, [ID]],
    ["Depends-on", `Depends-on: <a@b>`, ["a@b"]],
    [
      "b4 prerequisite-message-id",
      `base-commit: abc1234\nprerequisite-message-id: <a@b>\nprerequisite-patch-id: 0123456789abcdef`,
      ["a@b"],
    ],
    ["Based-on with a patchew link", `Based-on: https://patchew.org/QEMU/${ID}/`, [ID]],
    ["two Based-on lines", `Based-on: <a@b>\nBased-on: <c@d>\nBased-on: <a@b>`, ["a@b", "c@d"]],
    ["a quoted Based-on", `> Based-on: <a@b>`, []],
    ["a Depends-on that is a Gerrit change id", `Depends-on: I0123456789abcdef`, []],
  ])("%s gives basedOn", (_, text, expected) => {
    expect(parseHints(text).basedOn).toEqual(expected);
  });

  it.each([
    [
      "Supersedes in a cover (patchew 0031)",
      "Supersedes: <20200110173215.3865-1-quintela@redhat.com>",
      ["20200110173215.3865-1-quintela@redhat.com"],
    ],
    [
      "Supersedes in a reply (patchew 0032)",
      "Hi\n\nSupersedes: <20191128104129.250206-1-slp@redhat.com>\n",
      ["20191128104129.250206-1-slp@redhat.com"],
    ],
    ["quoted Supersedes", ">Supersedes: <a@b>", []],
  ])("%s gives supersedes", (_, text, expected) => {
    expect(parseHints(text).supersedes).toEqual(expected);
  });

  it("b4 cover-letter footer gives change-id and base-commit", () => {
    const hints = parseHints(
      "---\nChanges in v2:\n- Fixed it\n- Link to v1: https://lore.kernel.org/r/20240101-foo-v1-0-abc@example.com\n\n---\nbase-commit: 0123456789ABCDEF0123456789abcdef01234567\nchange-id: 20240101-foo-abc123\n\nBest regards,\n",
    );
    expect(hints).toEqual({
      basedOn: [],
      supersedes: [],
      changeId: "20240101-foo-abc123",
      baseCommit: "0123456789abcdef0123456789abcdef01234567",
      previousVersions: ["20240101-foo-v1-0-abc@example.com"],
    });
  });

  it.each([
    ["v1: <https://lore.kernel.org/r/ID>", "v1: <https://lore.kernel.org/r/a.1@host>", ["a.1@host"]],
    ["v2: https://patch.msgid.link/ID", "v2: https://patch.msgid.link/b.2@host", ["b.2@host"]],
    ["Link to v1: …/ID/", "Link to v1: https://lore.kernel.org/qemu-devel/c.3@host/", ["c.3@host"]],
    ["a percent-encoded lore link", "v3: https://lore.kernel.org/all/d%2Fx%40host/T/#u", ["d/x@host"]],
    ["a patchew link", "v1: https://patchew.org/QEMU/e@host/", ["e@host"]],
    ["a lists.* archive link with an id", "- v1: https://lists.infradead.org/r/f@host", ["f@host"]],
    ["a bare <id>", "v1: <g@host>", ["g@host"]],
    ["a partial-reroll version", "v4.1: https://lore.kernel.org/r/h@host", ["h@host"]],
    ["a changelog line", "v2: fixed typo in commit message", []],
    [
      "an archive link without an id",
      "v1: https://lists.gnu.org/archive/html/qemu-devel/2024-01/msg00001.html",
      [],
    ],
    ["a quoted link", "> v1: https://lore.kernel.org/r/a@host", []],
    ["prose mentioning a link", "See v1: https://lore.kernel.org/r/a@host for details", []],
  ])("%s gives previousVersions", (_, text, expected) => {
    expect(parseHints(text).previousVersions).toEqual(expected);
  });

  it("a body with no hints gives empty hints", () => {
    expect(parseHints("hello\n")).toEqual({
      basedOn: [],
      supersedes: [],
      changeId: null,
      baseCommit: null,
      previousVersions: [],
    });
  });
});

describe("messageIdFromUrl", () => {
  it.each<[string, string | null]>([
    ["https://lore.kernel.org/r/a@b", "a@b"],
    ["https://lore.kernel.org/r/a@b>", "a@b"],
    ["https://lore.kernel.org/qemu-devel/a%40b/raw", "a@b"],
    ["https://example.com/?id=a%40b", "a@b"],
    ["https://example.com/%E0%A4%A", null],
    ["ftp://x/a@b", null],
    ["not a url", null],
  ])("%j gives %j", (url, expected) => {
    expect(messageIdFromUrl(url)).toBe(expected);
  });
});
