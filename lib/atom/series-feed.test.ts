import { describe, expect, it } from "vitest";

import type { SeriesListRow } from "../db/series/list-series";
import { seriesEntryId, seriesFeed, seriesSummary } from "./series-feed";
import { writeAtomFeed } from "./write-atom-feed";

const row = (over: Partial<SeriesListRow> = {}): SeriesListRow => ({
  id: 1n,
  project: "ltp",
  headMsgid: "20260224-agents_file-v6-1-db15c490d048@suse.com",
  title: "agents: Add AI agent configuration for code reviews",
  authorName: "Andrea Cervesato",
  authorEmail: "andrea.cervesato@suse.de",
  version: 6,
  total: 1,
  received: 1,
  complete: true,
  isRfc: false,
  isPull: false,
  date: new Date("2026-02-24T13:15:17Z"),
  lastActivity: new Date("2026-03-09T14:56:10Z"),
  replyCount: 2,
  reviewedPatches: 1,
  reviewed: true,
  obsoletedBy: null,
  obsoletedByVersion: null,
  mergedAt: null,
  apply: null,
  tests: null,
  ...over,
});

const feedOptions = {
  id: "urn:uuid:00000000-0000-5000-8000-000000000000",
  title: "LTP: series",
  selfUrl: "https://pw.example/ltp/atom.xml",
  htmlUrl: "https://pw.example/ltp",
  origin: "https://pw.example",
  emptyUpdated: new Date("2026-11-29T00:00:00Z"),
};

describe("the summary of a series in a feed", () => {
  it.each<[string, Partial<SeriesListRow>, string]>([
    ["a reviewed single patch", {}, "v6, 1/1 patch, reviewed, 2 replies"],
    [
      "a partly reviewed, incomplete series",
      {
        version: 2,
        total: 5,
        received: 4,
        complete: false,
        reviewed: false,
        reviewedPatches: 3,
        replyCount: 1,
      },
      "v2, 4/5 patches (incomplete), 3/5 reviewed, 1 reply",
    ],
    [
      "an obsoleted series",
      { reviewed: false, reviewedPatches: 0, obsoletedBy: "x@y", obsoletedByVersion: 7, replyCount: 0 },
      "v6, 1/1 patch, obsoleted by v7, 0 replies",
    ],
    [
      "a merged series that applied and was tested",
      {
        mergedAt: new Date(),
        apply: { status: "applied" },
        tests: { passed: 3, failed: 1, failedOnBase: 0, pending: 0 },
      },
      "v6, 1/1 patch, reviewed, merged, apply: applied, tests: 3 passed, 1 failed, 2 replies",
    ],
  ])("%s", (_name, over, expected) => {
    expect(seriesSummary(row(over))).toBe(expected);
  });
});

describe("a feed of series", () => {
  it("gives each series an entry id that depends only on project and head Message-ID", () => {
    const a = seriesEntryId("ltp", "x@y");
    expect(a).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seriesEntryId("ltp", "x@y")).toBe(a);
    expect(seriesEntryId("qemu", "x@y")).not.toBe(a);
  });

  it("is updated when its newest entry was, and falls back to the given date when empty", () => {
    const rows = [row(), row({ headMsgid: "b@c", lastActivity: new Date("2026-01-01T00:00:00Z") })];
    expect(seriesFeed(rows, feedOptions).updated.toISOString()).toBe("2026-03-09T14:56:10.000Z");
    expect(seriesFeed([], feedOptions).updated).toEqual(feedOptions.emptyUpdated);
  });

  it("links each entry to its series page with the Message-ID encoded", () => {
    const [entry] = seriesFeed([row({ headMsgid: "a/b+c%d@x" })], feedOptions).entries;
    expect(entry?.htmlUrl).toBe("https://pw.example/ltp/a%2Fb%2Bc%25d%40x");
  });

  it("writes hostile subjects and names as text, with what XML forbids removed", () => {
    const xml = writeAtomFeed(
      seriesFeed(
        [
          row({
            title: "<script>alert('x')</script> & ]]> \u0000\u001b[1m\uFFFE\uD800 done",
            authorName: 'Mallory "<img src=x onerror=alert(1)>"',
            authorEmail: "m&m@example.com",
            headMsgid: `"><script>@evil`,
          }),
        ],
        feedOptions,
      ),
    );
    expect(xml).toContain(
      "<title type=\"text\">[PATCH v6] &lt;script&gt;alert('x')&lt;/script&gt; &amp; ]]&gt; [1m done</title>",
    );
    expect(xml).toContain('<name>Mallory "&lt;img src=x onerror=alert(1)&gt;"</name>');
    expect(xml).toContain("<email>m&amp;m@example.com</email>");
    expect(xml).toContain('href="https://pw.example/ltp/%22%3E%3Cscript%3E%40evil"');
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain("]]>");
    expect(xml).toMatch(/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
  });

  it("names the author by address when the mail gave no name", () => {
    const xml = writeAtomFeed(seriesFeed([row({ authorName: "  " })], feedOptions));
    expect(xml).toContain(
      "<author><name>andrea.cervesato@suse.de</name><email>andrea.cervesato@suse.de</email></author>",
    );
  });
});
