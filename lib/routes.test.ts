import { describe, expect, it } from "vitest";

import { apiContracts } from "./http/contracts";
import {
  API_SERIES_PATH,
  API_TESTER_CLAIM_PATH,
  apiMessagePath,
  apiProjectStatsPath,
  apiSeriesPath,
  apiTesterJobPath,
  digestUnsubscribeUrl,
  fetchCommand,
  interdiffHref,
  listHref,
  logHref,
  logUrl,
  lostHref,
  maintainerQueueHref,
  maintainerQueueUrl,
  messageFileHref,
  messageHref,
  projectFeedHref,
  projectHref,
  projectUrl,
  rawLogHref,
  routeMsgid,
  searchHref,
  searchUrl,
  seriesFetchUrl,
  seriesFileHref,
  seriesHref,
  seriesLinks,
  seriesMboxHref,
  seriesMboxUrl,
  seriesMessageHref,
  seriesPatchHref,
  seriesUrl,
  statsHref,
} from "./routes";

/** Message-IDs as strangers' mailers write them: each has characters that mean something in a URL. */
const HOSTILE_MSGIDS = [
  ["a slash", "a/b@x", "a%2Fb%40x"],
  ["a dot-dot path", "../../etc/passwd@x", "..%2F..%2Fetc%2Fpasswd%40x"],
  ["a percent sign", "100%@x", "100%25%40x"],
  ["an encoded-looking percent", "a%2Fb@x", "a%252Fb%40x"],
  ["a fragment mark", "a#b@x", "a%23b%40x"],
  ["a query mark", "a?b=c&d@x", "a%3Fb%3Dc%26d%40x"],
  ["a plus", "a+b@x", "a%2Bb%40x"],
  ["spaces", "a b c@x", "a%20b%20c%40x"],
  ["unicode", "ondřej-日本@x", "ond%C5%99ej-%E6%97%A5%E6%9C%AC%40x"],
  ["angle brackets and quotes", `<a"b'>@x`, "%3Ca%22b'%3E%40x"],
] as const;

describe("a Message-ID in a path segment", () => {
  it.each(HOSTILE_MSGIDS)("with %s is one encoded segment", (_name, msgid, encoded) => {
    expect(seriesHref("ltp", msgid)).toBe(`/ltp/${encoded}`);
    expect(messageHref(msgid)).toBe(`/m/${encoded}`);
    expect(apiSeriesPath("ltp", msgid)).toBe(`/api/v1/series/ltp/${encoded}`);
    expect(apiMessagePath(msgid)).toBe(`/api/v1/messages/${encoded}`);
  });

  it.each(HOSTILE_MSGIDS)("with %s reads back as written and stays one segment", (_name, msgid) => {
    const segment = seriesHref("ltp", msgid).split("/")[2]!;
    expect(routeMsgid(segment)).toBe(msgid.trim());
    expect(new URL(seriesHref("ltp", msgid), "https://pw.example").pathname.split("/")).toHaveLength(3);
  });

  it("keeps the encoding the series pages have always had", () => {
    expect(seriesHref("ltp", "20250910-lchown-v6-0-a1@suse.com")).toBe(
      "/ltp/20250910-lchown-v6-0-a1%40suse.com",
    );
    expect(seriesHref("qemu", "a/b+c%d?e#f")).toBe("/qemu/a%2Fb%2Bc%25d%3Fe%23f");
  });
});

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

describe("the pages of a series", () => {
  const head = "a/b#c@x";
  it.each([
    ["its mbox", seriesMboxHref("ltp", head), "/ltp/a%2Fb%23c%40x/mbox"],
    ["a patch on its page", seriesPatchHref("ltp", head, 3), "/ltp/a%2Fb%23c%40x#patch-3"],
    ["a reply on its page", seriesMessageHref("ltp", head, "r?1@x"), "/ltp/a%2Fb%23c%40x#m-r%3F1%40x"],
    ["a file of a patch", seriesFileHref("ltp", head, 2, 0), "/ltp/a%2Fb%23c%40x/file?patch=2&file=0"],
    [
      "the interdiff",
      interdiffHref("ltp", head, "v1&x@y"),
      "/ltp/a%2Fb%23c%40x/interdiff?against=v1%26x%40y",
    ],
    ["a file of a message", messageFileHref(head, 4), "/m/a%2Fb%23c%40x/file?file=4"],
  ])("%s", (_name, href, expected) => {
    expect(href).toBe(expected);
  });

  it("links the JSON detail and the page of a series", () => {
    expect(seriesLinks("ltp", head)).toEqual({
      self: "/api/v1/series/ltp/a%2Fb%23c%40x",
      html: "/ltp/a%2Fb%23c%40x",
    });
  });
});

describe("list pages", () => {
  it.each([
    ["nothing", {}, "/ltp"],
    ["a search", { q: "-is:obsolete -is:merged" }, "/ltp?q=-is%3Aobsolete+-is%3Amerged"],
    ["a search and a cursor", { q: "is:rfc", after: "abc_-" }, "/ltp?q=is%3Arfc&after=abc_-"],
    ["a cursor without a search", { q: "", after: "abc" }, "/ltp?after=abc"],
  ])("for %s", (_name, params, expected) => {
    expect(listHref("/ltp", params)).toBe(expected);
    expect(projectHref("ltp", params)).toBe(expected);
  });

  it("searches all projects under /series", () => {
    expect(searchHref()).toBe("/series");
    expect(searchHref({ q: "from:a@b #1" })).toBe("/series?q=from%3Aa%40b+%231");
  });

  it.each([
    ["a project's feed", projectFeedHref("ltp"), "/ltp/atom.xml"],
    ["a project's stats", statsHref("ltp"), "/ltp/stats"],
    ["the lost page", lostHref("ltp"), "/ltp/lost"],
    ["the lost page after a cursor", lostHref("ltp", { after: "a b" }), "/ltp/lost?after=a%20b"],
    ["the orphaned list after a cursor", lostHref("ltp", { oafter: "c+d" }), "/ltp/lost?oafter=c%2Bd"],
  ])("%s", (_name, href, expected) => {
    expect(href).toBe(expected);
  });

  it("gives a maintainer's queue with its filters in the page's order", () => {
    expect(maintainerQueueHref("a+b@x.org")).toBe("/maintainer/a%2Bb%40x.org");
    expect(maintainerQueueHref("a@x", { project: "ltp", role: "maintainer", age: 0, after: "c" })).toBe(
      "/maintainer/a%40x?project=ltp&role=maintainer&age=0&after=c",
    );
  });

  it("puts test logs under /logs/<job id>", () => {
    expect(logHref(42n)).toBe("/logs/42");
    expect(rawLogHref("42")).toBe("/logs/42/raw");
  });
});

describe("absolute URLs", () => {
  const base = "https://pw.example";
  it.each([
    ["a series", seriesUrl(base, "ltp", "a/b@x"), "https://pw.example/ltp/a%2Fb%40x"],
    ["its mbox", seriesMboxUrl(base, "ltp", "a/b@x"), "https://pw.example/ltp/a%2Fb%40x/mbox"],
    ["a project", projectUrl(base, "ltp"), "https://pw.example/ltp"],
    ["a search", searchUrl(base, "is:rfc"), "https://pw.example/series?q=is%3Arfc"],
    ["an empty search", searchUrl(base, ""), "https://pw.example/series"],
    ["a test log", logUrl(base, 7n), "https://pw.example/logs/7"],
    ["a review queue", maintainerQueueUrl(base, "a@x"), "https://pw.example/maintainer/a%40x"],
    ["the digest's unsubscribe", digestUnsubscribeUrl(base), "https://pw.example/api/v1/digest/unsubscribe"],
  ])("of %s", (_name, url, expected) => {
    expect(url).toBe(expected);
  });
});

describe("where a series' tag is fetched from", () => {
  const apply = { tag: "patchwatch/a@x", fetchUrl: null, publishProject: "ltp" };
  it.each([
    ["this server's git view", apply, "https://pw.example", "https://pw.example/git/ltp"],
    ["a root-relative git view", apply, "", "/git/ltp"],
    [
      "the configured remote",
      { ...apply, fetchUrl: "https://gitlab.example/ltp.git" },
      "",
      "https://gitlab.example/ltp.git",
    ],
    ["nowhere without a tag", { ...apply, tag: null }, "", null],
    ["nowhere without a publish repository", { ...apply, publishProject: null }, "", null],
  ])("is %s", (_name, input, base, expected) => {
    expect(seriesFetchUrl(input, base)).toBe(expected);
  });

  it("is fetched with git fetch URL TAG", () => {
    expect(fetchCommand("https://pw.example/git/ltp", "patchwatch/a@x")).toBe(
      "git fetch https://pw.example/git/ltp patchwatch/a@x",
    );
  });
});

describe("REST API paths", () => {
  /** The contract's path template as a pattern: `{name}` is one non-empty segment. */
  const templates = apiContracts.map(
    (c) => new RegExp(`^${c.path.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  );

  it.each([
    API_SERIES_PATH,
    API_TESTER_CLAIM_PATH,
    apiSeriesPath("ltp", "a/b@x"),
    apiMessagePath("a/b@x"),
    apiProjectStatsPath("ltp"),
    apiTesterJobPath("12", "heartbeat"),
    apiTesterJobPath("12", "log"),
    apiTesterJobPath("12", "result"),
    new URL(digestUnsubscribeUrl("https://pw.example")).pathname,
  ])("%s is a path of the API's contracts", (path) => {
    expect(templates.some((t) => t.test(path))).toBe(true);
  });
});
