import crypto from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { loadProjects } from "../config/projects-file";
import { PatchwatchError } from "../errors";
import type { Door } from "./api-endpoint";
import { getMessageEndpoint } from "./endpoints/get-message";
import { getOpenApiEndpoint } from "./endpoints/get-openapi";
import { getSeriesEndpoint } from "./endpoints/get-series";
import { listProjectsEndpoint } from "./endpoints/list-projects";
import { listSeriesEndpoint } from "./endpoints/list-series";
import { projectFeed, searchFeed } from "./feeds/series-feeds";
import { listSeriesJson } from "../db/series/list-series-json";
import { fixtures, importFiles } from "../flows/ingest/test-support/import-helpers";
import { createTestDatabase, type TestDatabase } from "../db/test-support/test-database";

// The HTTP doors of the REST API and the Atom feeds, called as the App Router calls them
// (a Request and the route's params), on the LTP archive imported as `npm start` does.
let t: TestDatabase;
const projects = loadProjects(`${__dirname}/../../projects.json`).projects;
const ORIGIN = "http://pw.test";

beforeAll(async () => {
  t = await createTestDatabase();
  await importFiles(t.db, [fixtures.ltp], projects, "ltp");
}, 300_000);
afterAll(async () => t?.drop());

async function call(
  door: Door,
  pathAndQuery: string,
  params: Record<string, string> = {},
): Promise<Response> {
  return door.respond(() => t.db, new Request(`${ORIGIN}${pathAndQuery}`), params);
}

/** A JSON answer: its status, body, and that the body is what the contract says it is. */
async function json(
  door: Door & { contract?: { response: { parse(v: unknown): unknown } } },
  response: Response,
) {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const body = await response.json();
  if (response.status === 200 && door.contract)
    expect(() => door.contract!.response.parse(body)).not.toThrow();
  return body;
}

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  expect(body.error.message).not.toMatch(/\n\s+at /);
  return body.error.message;
}

const LCHOWN_V6 = "20250910-conversions-lchown-v6-0-a133444cdb6a@suse.com";

describe("GET /api/v1/projects", () => {
  it("lists ltp with its series counts", async () => {
    const response = await call(listProjectsEndpoint, "/api/v1/projects");
    expect(response.status).toBe(200);
    const body = await json(listProjectsEndpoint, response);
    const ltp = body.items.find((p: { name: string }) => p.name === "ltp");
    expect(ltp).toMatchObject({
      name: "ltp",
      parent: null,
      series: { total: 445, complete: 441, reviewed: 216 },
    });
    expect(ltp.lastActivity).toBe("2026-03-09T17:20:57.000Z");
  });
});

describe("GET /api/v1/series", () => {
  it("answers the first page, newest activity first, with a cursor in the body and a Link header", async () => {
    const response = await call(listSeriesEndpoint, "/api/v1/series?project=ltp&limit=20");
    expect(response.status).toBe(200);
    const body = await json(listSeriesEndpoint, response);
    expect(body.items).toHaveLength(20);
    expect(body.items[0]).toMatchObject({
      id: "20260309172057.272946-1-japo@linux.ibm.com",
      project: "ltp",
      author: { name: "Jan Polensky", email: "japo@linux.ibm.com" },
      links: { html: "/ltp/20260309172057.272946-1-japo%40linux.ibm.com" },
    });
    const activity = body.items.map((s: { lastActivity: string }) => s.lastActivity);
    expect([...activity].sort().reverse()).toEqual(activity);
    expect(body.next).toEqual(expect.any(String));
    expect(response.headers.get("link")).toBe(
      `<${ORIGIN}/api/v1/series?project=ltp&limit=20&after=${body.next}>; rel="next"`,
    );
  });

  it("walks every series exactly once by following the Link headers", async () => {
    const seen: string[] = [];
    let url: string | null = "/api/v1/series?limit=100";
    for (let pages = 0; url && pages < 20; pages++) {
      const response = await call(listSeriesEndpoint, url);
      const body = await json(listSeriesEndpoint, response);
      seen.push(...body.items.map((s: { id: string }) => s.id));
      const link = response.headers.get("link");
      const target = link?.match(/^<(.+)>; rel="next"$/)?.[1];
      url = target ? new URL(target).pathname + new URL(target).search : null;
    }
    expect(seen).toHaveLength(445);
    expect(new Set(seen).size).toBe(445);
  });

  it("has no next page and no Link header when everything fits", async () => {
    const response = await call(listSeriesEndpoint, "/api/v1/series?limit=500");
    const body = await json(listSeriesEndpoint, response);
    expect(body.items).toHaveLength(445);
    expect(body.next).toBeNull();
    expect(response.headers.get("link")).toBeNull();
  });

  it("filters with the query language", async () => {
    const body = await json(
      listSeriesEndpoint,
      await call(listSeriesEndpoint, "/api/v1/series?q=is:reviewed&limit=500"),
    );
    expect(body.items).toHaveLength(216);
    expect(body.items.every((s: { reviewed: boolean }) => s.reviewed)).toBe(true);
  });

  it.each([
    ["a cursor that was never issued", "after=bm90LWEtY3Vyc29y", 400, "bad-request", /cursor/],
    ["a cursor with characters no cursor has", "after=%3Cscript%3E", 400, "bad-request", /cursor/],
    ["a search that does not parse", "q=((", 400, "bad-request", /search/],
    ["a limit of 0", "limit=0", 400, "bad-request", /limit/],
    ["a limit above 500", "limit=501", 400, "bad-request", /limit/],
    ["a limit that is not a number", "limit=ten", 400, "bad-request", /limit/],
    ["an unknown project", "project=nope", 404, "not-found", /unknown project: nope/],
    ["an unknown project beside a known one", "project=ltp&project=qemu2", 404, "not-found", /qemu2/],
  ])("answers %s with a JSON error", async (_name, query, status, code, message) => {
    expect(
      await expectError(await call(listSeriesEndpoint, `/api/v1/series?${query}`), status, code),
    ).toMatch(message);
  });
});

describe("GET /api/v1/series/{project}/{msgid}", () => {
  it("gives the series with the `series --json` keys, its patches with trailers and its versions", async () => {
    const response = await call(getSeriesEndpoint, "/", { project: "ltp", msgid: LCHOWN_V6 });
    expect(response.status).toBe(200);
    const body = await json(getSeriesEndpoint, response);
    const { versions, links, mbox, apply, checks, people, ...rest } = body;
    expect(checks).toEqual([]);
    // ltp has no git tree here: nobody is computed, and the answer says why.
    expect(people).toMatchObject({
      source: "none",
      people: [],
      toPing: [],
      note: expect.stringMatching(/git tree/),
    });
    // The same mapping as `patchwatch series --json`, not a second one.
    expect(rest).toEqual((await listSeriesJson(t.db, "ltp")).find((s) => s.id === LCHOWN_V6));
    expect(body).toMatchObject({
      id: LCHOWN_V6,
      version: 6,
      total: 4,
      complete: true,
      cover: true,
      obsoletedBy: null,
    });
    expect(body.patches.map((p: { index: number }) => p.index)).toEqual([1, 2, 3, 4]);
    expect(
      body.patches.some((p: { trailers: { kind: string }[] }) =>
        p.trailers.some((x) => x.kind === "Reviewed-by"),
      ),
    ).toBe(true);
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 3, 4, 5, 6]);
    expect(versions.filter((v: { current: boolean }) => v.current).map((v: { id: string }) => v.id)).toEqual([
      LCHOWN_V6,
    ]);
    expect(links).toEqual({
      self: "/api/v1/series/ltp/20250910-conversions-lchown-v6-0-a133444cdb6a%40suse.com",
      html: "/ltp/20250910-conversions-lchown-v6-0-a133444cdb6a%40suse.com",
    });
    expect(mbox).toBe("/ltp/20250910-conversions-lchown-v6-0-a133444cdb6a%40suse.com/mbox");
    expect(apply).toBeNull();
  });

  it("accepts the Message-ID with its angle brackets", async () => {
    const body = await json(
      getSeriesEndpoint,
      await call(getSeriesEndpoint, "/", { project: "ltp", msgid: `<${LCHOWN_V6}>` }),
    );
    expect(body.id).toBe(LCHOWN_V6);
  });

  it.each([
    ["an unknown Message-ID", { project: "ltp", msgid: "nothing@here" }, 404, "not-found"],
    ["an unknown project", { project: "nope", msgid: LCHOWN_V6 }, 404, "not-found"],
    ["a Message-ID that is only space", { project: "ltp", msgid: " " }, 400, "bad-request"],
    ["a Message-ID with a control character", { project: "ltp", msgid: "a\u0000@b" }, 400, "bad-request"],
  ])("answers %s with a JSON error", async (_name, params, status, code) => {
    await expectError(await call(getSeriesEndpoint, "/", params), status, code);
  });
});

describe("GET /api/v1/messages/{msgid}", () => {
  it("gives headers, the classification in each project and the series, but not the body", async () => {
    const body = await json(getMessageEndpoint, await call(getMessageEndpoint, "/", { msgid: LCHOWN_V6 }));
    expect(body).toMatchObject({ msgid: LCHOWN_V6, state: "parsed", error: null });
    expect(body.message).toMatchObject({ kind: "cover" });
    expect(body.message).not.toHaveProperty("body");
    expect(body.message).not.toHaveProperty("diff");
    expect(body.projects).toEqual([
      expect.objectContaining({
        project: "ltp",
        role: "cover",
        series: expect.objectContaining({ id: LCHOWN_V6, version: 6 }),
      }),
    ]);
    expect(body.replies.length).toBeGreaterThan(0);
  });

  it("reports a mail that could not be parsed with its error", async () => {
    const data = Buffer.from("not a mail");
    await t.prisma.rawMessage.create({
      data: {
        sha256: crypto.createHash("sha256").update(data).digest(),
        msgid: "broken@api.test",
        size: data.length,
        data,
        state: "failed",
        error: "parse-failed",
        errorDetail: "no headers",
      },
    });
    const body = await json(
      getMessageEndpoint,
      await call(getMessageEndpoint, "/", { msgid: "broken@api.test" }),
    );
    expect(body).toMatchObject({
      state: "failed",
      error: { code: "parse-failed", detail: "no headers" },
      message: null,
      projects: [],
    });
  });

  it("answers an unknown Message-ID with 404 JSON", async () => {
    await expectError(await call(getMessageEndpoint, "/", { msgid: "nothing@here" }), 404, "not-found");
  });
});

describe("the door's error mapping", () => {
  it("answers a database that is not configured with 503 and its message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await listProjectsEndpoint.respond(
      () => {
        throw new PatchwatchError("database-unavailable", "no database configured");
      },
      new Request(`${ORIGIN}/api/v1/projects`),
      {},
    );
    expect(await expectError(response, 503, "database-unavailable")).toBe("no database configured");
    log.mockRestore();
  });

  it("answers any other failure with a generic 500 and logs the cause, never sending it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await listProjectsEndpoint.respond(
      () => {
        throw new Error("connect ECONNREFUSED 10.0.0.1:5432 password=hunter2");
      },
      new Request(`${ORIGIN}/api/v1/projects`),
      {},
    );
    const message = await expectError(response, 500, "internal");
    expect(message).not.toMatch(/ECONNREFUSED|hunter2/);
    expect(log.mock.calls[0]?.[0]).toMatchObject({
      err: expect.objectContaining({ message: expect.stringMatching(/ECONNREFUSED/) }),
    });
    log.mockRestore();
  });

  it("serves the OpenAPI document without touching the database", async () => {
    const response = await getOpenApiEndpoint.respond(
      () => {
        throw new Error("no database here");
      },
      new Request(`${ORIGIN}/api/v1/openapi.json`),
      {},
    );
    expect(response.status).toBe(200);
    expect((await response.json()).openapi).toMatch(/^3\.1\./);
  });
});

describe("Atom feeds", () => {
  const entries = (xml: string) => [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);

  it("per project: the newest 50 series by last activity, as application/atom+xml", async () => {
    const response = await call(projectFeed, "/ltp/atom.xml", { project: "ltp" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${ORIGIN}/ltp/atom.xml"/>`);
    expect(xml).toContain("<updated>2026-03-09T17:20:57.000Z</updated>");
    const list = entries(xml);
    expect(list).toHaveLength(50);
    expect(list[0]).toContain(`href="${ORIGIN}/ltp/20260309172057.272946-1-japo%40linux.ibm.com"`);
    expect(list[0]).toMatch(/<id>urn:uuid:[0-9a-f-]{36}<\/id>/);
    expect(list[0]).toContain('<summary type="text">v1, 3/3 patches, 0 replies</summary>');
  });

  it("per saved search: only the series the search finds", async () => {
    const response = await call(searchFeed, "/series/atom.xml?q=version:6");
    expect(response.status).toBe(200);
    const list = entries(await response.text());
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((e) => /<title type="text">\[(RFC )?PATCH v6\]/.test(e))).toBe(true);
    expect(list.some((e) => e.includes("lchown"))).toBe(true);
  });

  it("gives a series the same entry id in the project feed and in a search feed", async () => {
    const id = (xml: string) =>
      entries(xml)
        .find((e) => e.includes("agents: Add AI agent configuration"))
        ?.match(/<id>(.+?)<\/id>/)?.[1];
    const inProject = id(await (await call(projectFeed, "/ltp/atom.xml", { project: "ltp" })).text());
    const inSearch = id(await (await call(searchFeed, "/series/atom.xml?q=version:6")).text());
    expect(inProject).toMatch(/^urn:uuid:/);
    expect(inSearch).toBe(inProject);
  });

  it.each([
    ["an unknown project", projectFeed, "/nope/atom.xml", { project: "nope" }, 404, "not-found"],
    ["a search that does not parse", searchFeed, "/series/atom.xml?q=((", {}, 400, "bad-request"],
  ])("answers %s with a JSON error", async (_name, door, url, params, status, code) => {
    await expectError(await call(door, url, params), status, code);
  });
});
