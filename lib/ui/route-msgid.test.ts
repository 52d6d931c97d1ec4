import { describe, expect, it } from "vitest";

import { routeMsgid } from "./route-msgid";

describe("a Message-ID from a URL segment", () => {
  it.each([
    ["20250910-x%40suse.com", "20250910-x@suse.com"],
    ["20250910-x@suse.com", "20250910-x@suse.com"],
    ["%3C20250910-x%40suse.com%3E", "20250910-x@suse.com"],
    ["<a@b>", "a@b"],
    ["a%2Fb%2Bc%2525%40d", "a/b+c%25@d"],
    ["broken%E0%A4%A@x", "broken%E0%A4%A@x"],
  ])("%s is %s", (segment, msgid) => {
    expect(routeMsgid(segment)).toBe(msgid);
  });
});
