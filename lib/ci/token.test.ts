import { describe, expect, it } from "vitest";

import { bearerToken, generateTesterToken, hashTesterToken, isTesterTokenShape } from "./token";

describe("tester tokens", () => {
  it("are pwt_ and 43 base64url characters, different each time", () => {
    const a = generateTesterToken();
    const b = generateTesterToken();
    expect(a).toMatch(/^pwt_[A-Za-z0-9_-]{43}$/);
    expect(isTesterTokenShape(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it("hash to the SHA-256 hex of the token", () => {
    // sha256("pwt_test") computed independently with sha256sum.
    expect(hashTesterToken("pwt_test")).toBe(
      "bf17bc5a644d51a86f73b96bd8bec0a74dad28c4914d4b4d1bcb347d02c3c5c0",
    );
    expect(hashTesterToken("pwt_a")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTesterToken("pwt_a")).not.toBe(hashTesterToken("pwt_b"));
  });

  it.each([
    ["Bearer pwt_abc", "pwt_abc"],
    ["bearer   pwt_abc ", "pwt_abc"],
    ["Basic dXNlcjpwYXNz", null],
    ["Bearer", null],
    ["Bearer a b", null],
    ["", null],
    [null, null],
  ])("Authorization %j gives the token %j", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
