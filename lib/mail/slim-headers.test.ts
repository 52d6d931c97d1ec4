import { describe, expect, it } from "vitest";

import { slimTopHeaders } from "./slim-headers";

describe("slimTopHeaders", () => {
  it("keeps the fields mailparser reads, with their continuation lines, and drops the rest", () => {
    const raw = Buffer.from(
      "Received: from a\n\tby b\nFrom: A <a@x>\nDKIM-Signature: v=1;\n b=xyz\nSubject: [PATCH]\n long\nContent-Type: text/plain;\n charset=utf-8\n\nbody\nReceived: not a header\n",
    );
    expect(slimTopHeaders(raw).toString()).toBe(
      "From: A <a@x>\nSubject: [PATCH]\n long\nContent-Type: text/plain;\n charset=utf-8\n\nbody\nReceived: not a header\n",
    );
  });

  it("leaves CRLF messages byte for byte in what it keeps", () => {
    const raw = Buffer.from("X-Spam: 1\r\nTo: b@x\r\n\r\nhi\xff\r\n", "latin1");
    expect(slimTopHeaders(raw)).toEqual(Buffer.from("To: b@x\r\n\r\nhi\xff\r\n", "latin1"));
  });

  it("returns a message without a body unchanged", () => {
    const raw = Buffer.from("From: a@x\nSubject: s\n");
    expect(slimTopHeaders(raw)).toBe(raw);
  });
});
