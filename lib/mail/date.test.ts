import { describe, expect, it } from "vitest";

import { parseMailDate } from "./date";

describe("parseMailDate", () => {
  it.each<[string | null, string | null]>([
    ["Tue, 28 Jun 2016 09:47:47 +0800", "2016-06-28T01:47:47.000Z"],
    ["Tue, 28 Jun 2016 09:47:47 +0800 (CST)", "2016-06-28T01:47:47.000Z"],
    ["28 Jun 2016 09:47:47 -0000", "2016-06-28T09:47:47.000Z"],
    ["Tue,  8 Oct 2013 22:09:47 +0000", "2013-10-08T22:09:47.000Z"],
    ["Wed, 4 Jun 2014 17:50:46 +0000", "2014-06-04T17:50:46.000Z"],
    ["Thu, 1 Jan 98 00:00 EST", "1998-01-01T05:00:00.000Z"],
    ["Mon, 12 Feb 18 08:54 PDT", "2018-02-12T15:54:00.000Z"],
    ["1 January 2020 10:00:00 GMT", "2020-01-01T10:00:00.000Z"],
    ["Mon Feb 12 8:54:21 2018", "2018-02-12T08:54:21.000Z"],
    ["2024-01-02T03:04:05Z", "2024-01-02T03:04:05.000Z"],
    [null, null],
    ["", null],
    ["yesterday", null],
    ["Tue, 31 Foo 2016 09:47:47 +0800", null],
    ["Tue, 32 Jun 2016 09:47:47 +0800", null],
    ["Tue, 28 Jun 2016 25:47:47 +0800", null],
    ["Thu, 1 Jan 1900 00:00:00 +0000", null],
    ["$(date); ../../etc", null],
  ])("%j reads as %j", (value, expected) => {
    expect(parseMailDate(value)?.toISOString() ?? null).toBe(expected);
  });
});
