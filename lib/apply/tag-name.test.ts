import { spawnSync } from "node:child_process";

import { describe, expect, it } from "vitest";

import { seriesTagName } from "./tag-name";

/** Asks git itself, without going through lib/git (which checks its own callers' names the same way). */
function gitAccepts(tag: string): boolean {
  return spawnSync("git", ["check-ref-format", `refs/tags/${tag}`]).status === 0;
}

describe("seriesTagName", () => {
  it.each([
    [
      "a plain Message-ID stays readable",
      "20251001.12345-1-jdoe@example.com",
      1,
      "patchwatch/20251001.12345-1-jdoe@example.com",
    ],
    [
      "version 2 adds _v2",
      "20251001.12345-1-jdoe@example.com",
      2,
      "patchwatch/20251001.12345-1-jdoe@example.com_v2",
    ],
    ["an underscore is escaped, so escapes stay unambiguous", "a_b@x", 1, "patchwatch/a_5fb@x"],
    ["`..` keeps its first dot only", "a..b@x", 1, "patchwatch/a._2eb@x"],
    ["a leading dot is escaped", ".hidden@x", 1, "patchwatch/_2ehidden@x"],
    ["a trailing dot is escaped", "x@host.", 1, "patchwatch/x@host_2e"],
    ["a trailing .lock is escaped", "x@y.lock", 1, "patchwatch/x@y_2elock"],
    [
      "`@{` and shell characters are escaped",
      "$(rm -rf ~)@{u}`;|&<>",
      1,
      "patchwatch/_24_28rm_20-rf_20_7e_29@_7bu_7d_60_3b_7c_26_3c_3e",
    ],
    ["a slash does not make a directory", "a/b@x", 1, "patchwatch/a_2fb@x"],
    ["non-ASCII is escaped byte by byte", "é@x", 1, "patchwatch/_c3_a9@x"],
  ])("%s", (_, msgid, version, tag) => {
    expect(seriesTagName(msgid, version)).toBe(tag);
    expect(gitAccepts(tag)).toBe(true);
  });

  it("is the same on every call (a stable name)", () => {
    expect(seriesTagName("x@y", 3)).toBe(seriesTagName("x@y", 3));
  });

  it("gives different Message-IDs different tags, even those that escape alike at first sight", () => {
    const ids = ["a_b@x", "a_5fb@x", "a b@x", "a_20b@x", "a@x_v2", "a@x", "A@x", "a..b", "a._2eb"];
    const tags = ids.map((id) => seriesTagName(id, 1));
    expect(new Set(tags).size).toBe(ids.length);
    // A Message-ID cannot forge another series' version suffix.
    expect(seriesTagName("a@x_v2", 1)).not.toBe(seriesTagName("a@x", 2));
  });

  it("cuts a very long Message-ID and ends it with a hash, within one file name", () => {
    const long = `${"x".repeat(400)}@example.com`;
    const tag = seriesTagName(long, 1);
    expect(tag.length).toBeLessThanOrEqual("patchwatch/".length + 200);
    expect(tag).toMatch(/_h[0-9a-f]{32}$/);
    expect(gitAccepts(tag)).toBe(true);
    expect(seriesTagName(`${long}y`, 1)).not.toBe(tag);
  });

  it("never leaves half an escape when cutting", () => {
    for (let n = 150; n < 180; n++) {
      const tag = seriesTagName(`${"a".repeat(n)}${"_".repeat(100)}`, 1);
      expect(tag).toMatch(/^patchwatch\/a+(_5f)*_h[0-9a-f]{32}$/);
      expect(gitAccepts(tag)).toBe(true);
    }
  });
});
