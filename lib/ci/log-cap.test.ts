import { describe, expect, it } from "vitest";

import { cutMarker, LogCapper } from "./log-cap";

const small = { headBytes: 20, tailBytes: 20 };

function capped(parts: (string | Uint8Array)[], limits = small) {
  const capper = new LogCapper(limits);
  for (const p of parts) capper.push(typeof p === "string" ? Buffer.from(p) : p);
  capper.end();
  return capper;
}

describe("LogCapper", () => {
  it("keeps a log within the cap whole, with no marker", () => {
    const log = "line one\nline two\nline three\n"; // 29 bytes < 40
    expect(capped([log]).render()).toEqual({ text: log, truncated: false, cutBytes: 0 });
  });

  it("keeps the first and the last bytes of a long log and names how many were cut", () => {
    const log = Array.from({ length: 100 }, (_, i) => `${i}`.padStart(3, "0")).join(""); // 300 bytes
    const out = capped([log]).render();
    expect(out.truncated).toBe(true);
    expect(out.cutBytes).toBe(260);
    expect(out.text).toBe(log.slice(0, 20) + cutMarker(260) + log.slice(-20));
  });

  it("gives the same result whatever the chunking, down to one byte at a time", () => {
    const log = Buffer.from("héllo wörld ✓ ".repeat(20));
    const whole = capped([log]).render();
    const bytewise = capped([...log].map((b) => Uint8Array.of(b))).render();
    expect(bytewise).toEqual(whole);
    // 18 bytes, then "h" and an "é" that would cross the 20-byte head: it goes.
    expect(whole.text.startsWith("héllo wörld ✓ h\n[… ")).toBe(true);
    expect(whole.text).not.toContain("\uFFFD");
  });

  it("cuts on character boundaries: no multi-byte character is split at either end", () => {
    for (let shift = 0; shift < 4; shift++) {
      const log = "a".repeat(shift) + "€".repeat(40); // € is 3 bytes
      const out = capped([log]).render();
      expect(out.text).not.toContain("\uFFFD");
      const [head, tail] = out.text.split(/\n\[… \d+ bytes cut …\]\n/);
      expect(Buffer.byteLength(head!)).toBeGreaterThanOrEqual(17);
      expect(Buffer.byteLength(tail!)).toBeGreaterThanOrEqual(17);
      // Kept plus cut is everything.
      expect(Buffer.byteLength(head!) + out.cutBytes + Buffer.byteLength(tail!)).toBe(Buffer.byteLength(log));
    }
  });

  it("turns NUL and invalid UTF-8 into replacement characters (text PostgreSQL can store)", () => {
    const out = capped([Uint8Array.of(0x61, 0x00, 0x62, 0xff, 0x63)]).render();
    expect(out.text).toBe("a\uFFFDb\uFFFDc");
  });

  it("counts the raw bytes it was sent", () => {
    const capper = capped(["x".repeat(1000), "y".repeat(24)]);
    expect(capper.receivedBytes).toBe(1024);
  });

  it("appends to a stored log as if the parts had been one stream", () => {
    const log = Array.from({ length: 200 }, (_, i) => String.fromCharCode(65 + (i % 26))).join("");
    for (const split of [5, 19, 20, 21, 39, 40, 41, 100, 190]) {
      const first = capped([log.slice(0, split)]).render();
      const resumed = LogCapper.resume(first.text, first.truncated, small);
      resumed.append(capped([log.slice(split)]));
      resumed.end();
      expect(resumed.render(), `split at ${split}`).toEqual(capped([log]).render());
    }
  });

  it("finds its own marker after the head, not a marker-like line the log printed", () => {
    const fake = cutMarker(7); // 23 bytes, inside the head and across its end
    const log = "ab" + fake + "z".repeat(100);
    const first = capped([log]).render();
    const resumed = LogCapper.resume(first.text, first.truncated, small);
    resumed.append(capped(["END"]));
    resumed.end();
    expect(resumed.render()).toEqual(capped([log + "END"]).render());
  });

  it("keeps at most head + tail bytes of a large stream", () => {
    const capper = new LogCapper({ headBytes: 1024, tailBytes: 1024 });
    const chunk = Buffer.alloc(64 * 1024, "x");
    for (let i = 0; i < 160; i++) capper.push(chunk); // 10 MiB
    capper.end();
    const out = capper.render();
    expect(out.cutBytes).toBe(10 * 1024 * 1024 - 2048);
    expect(Buffer.byteLength(out.text)).toBe(2048 + Buffer.byteLength(cutMarker(out.cutBytes)));
  });
});
