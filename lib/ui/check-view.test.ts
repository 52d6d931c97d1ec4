import { describe, expect, it } from "vitest";

import { formatDuration, linkableUrl } from "./check-view";

describe("links a check reported", () => {
  it.each([
    ["https://ci.example.org/job/1", "https://ci.example.org/job/1"],
    ["http://ci.example.org/a b", "http://ci.example.org/a%20b"],
    ["javascript:alert(1)", null],
    [" JaVaScRiPt:alert(1)", null],
    ["data:text/html,<script>x</script>", null],
    ["/relative/path", null],
    ["ftp://example.org/log", null],
    ["", null],
    [null, null],
  ])("%s becomes %s", (url, expected) => expect(linkableUrl(url)).toBe(expected));
});

describe("durations", () => {
  it.each([
    [null, null],
    [850, "850 ms"],
    [42_000, "42 s"],
    [185_000, "3 min 5 s"],
    [7_440_000, "2 h 4 min"],
    [-1, null],
  ])("%s ms reads %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});
