import { describe, expect, it } from "vitest";

import { decodeText, decodeUtf8WithFallback } from "./decode-text";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("decodeText", () => {
  it.each<[string, Uint8Array, string | undefined, string, RegExp | null]>([
    ["UTF-8 as declared", Buffer.from("Miłecki"), "utf-8", "Miłecki", null],
    ["UTF-8 with a quoted label", Buffer.from("é"), '"UTF-8"', "é", null],
    ["ASCII without a charset", Buffer.from("plain"), undefined, "plain", null],
    ["UTF-8 bytes under us-ascii", Buffer.from("é"), "us-ascii", "é", null],
    ["ISO-8859-1 as declared", bytes(0x42, 0x65, 0x6e, 0x6e, 0xe9, 0x65), "iso-8859-1", "Bennée", null],
    ["ISO-8859-2 as declared", bytes(0xb3), "iso-8859-2", "ł", null],
    ["Windows-1252 smart quotes in declared UTF-8", bytes(0x93, 0x61, 0x94), "utf-8", "“a”", /invalid bytes/],
    [
      "an unknown charset with valid UTF-8",
      Buffer.from("née"),
      "y",
      "née",
      /unknown charset "y": read as UTF-8$/,
    ],
    [
      "an unknown charset with Latin-1 bytes",
      bytes(0x6e, 0xe9, 0x65),
      "none",
      "née",
      /unknown charset "none"/,
    ],
    ["charset=u from git send-email", Buffer.from("ok"), "u", "ok", /unknown charset "u"/],
  ])("%s", (_, input, charset, text, warning) => {
    const decoded = decodeText(input, charset);
    expect(decoded.text).toBe(text);
    if (warning) expect(decoded.warning).toMatch(warning);
    else expect(decoded.warning).toBeNull();
  });
});

describe("decodeUtf8WithFallback", () => {
  it.each<[string, Uint8Array, string]>([
    [
      "valid UTF-8 around a stray byte",
      Uint8Array.from([...Buffer.from("ł"), 0xe9, ...Buffer.from("ł")]),
      "łéł",
    ],
    ["a truncated sequence at the end", bytes(0x61, 0xc5), "aÅ"],
    ["an overlong encoding", bytes(0xc0, 0xaf), "À¯"],
    ["a surrogate encoded in UTF-8", bytes(0xed, 0xa0, 0x80), "í\u00a0€"],
    ["undefined Windows-1252 slots", bytes(0x81, 0x8d), "\u0081\u008d"],
    ["four-byte characters", Buffer.from("😀"), "😀"],
  ])("%s", (_, input, expected) => {
    expect(decodeUtf8WithFallback(input)).toBe(expected);
  });
});
