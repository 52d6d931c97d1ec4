import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Door } from "./api-endpoint";
import { createPatchCheckEndpoint, listPatchChecksEndpoint } from "./endpoints/patch-checks";
import { createSeriesCheckEndpoint, listSeriesChecksEndpoint } from "./endpoints/series-checks";
import { checkListSchema, checkSchema } from "./schemas/check";
import { generateTesterToken } from "../ci/token";
import { createTester, revokeTester } from "../db/ci/testers";
import { createTestDatabase, type TestDatabase } from "../db/test-support/test-database";
import {
  importAppliedSeries,
  LUKS,
  MALTA,
  projectsWithGitlab,
} from "../flows/ingest/test-support/series-fixtures";

// The checks API as the App Router calls it, on two real qemu-devel series, with tester
// tokens made the way `patchwatch tester add` makes them.
let t: TestDatabase;
let ciToken: string;
let xenToken: string;
let revokedToken: string;
const ORIGIN = "http://pw.test";
const seriesPath = (msgid: string) => `/api/v1/series/qemu/${encodeURIComponent(msgid)}/checks`;
const patchPath = (msgid: string) => `/api/v1/patches/${encodeURIComponent(msgid)}/checks`;

beforeAll(async () => {
  t = await createTestDatabase();
  await importAppliedSeries(t.db, projectsWithGitlab(), new Date());
  ciToken = (await createTester(t.db, { name: "kernel-ci", projects: ["qemu"] })).token;
  xenToken = (await createTester(t.db, { name: "osstest", projects: ["xen"] })).token;
  revokedToken = (await createTester(t.db, { name: "old-bot", projects: [] })).token;
  await revokeTester(t.db, "old-bot");
}, 300_000);
afterAll(async () => t?.drop());

function call(
  door: Door,
  pathname: string,
  params: Record<string, string>,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return door.respond(() => t.db, new Request(`${ORIGIN}${pathname}`, init), params);
}

function postSeriesCheck(msgid: string, body: unknown, headers: Record<string, string>) {
  return call(
    createSeriesCheckEndpoint,
    seriesPath(msgid),
    { project: "qemu", msgid },
    {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    },
  );
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const body = await response.json();
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe("POST /api/v1/series/{project}/{msgid}/checks", () => {
  it("records a check reported with a tester token as a new test_result of source check:<name>", async () => {
    const response = await postSeriesCheck(
      LUKS.headMsgid,
      {
        context: "build-x86_64",
        state: "pending",
        target_url: "https://ci.example.org/job/1",
        description: "queued",
      },
      bearer(ciToken),
    );
    expect(response.status).toBe(201);
    const body = checkSchema.parse(await response.json());
    expect(body).toMatchObject({
      context: "build-x86_64",
      state: "pending",
      target_url: "https://ci.example.org/job/1",
      description: "queued",
      source: "check:kernel-ci",
      patch: null,
      current: true,
    });
    const row = await t.prisma.testResult.findUniqueOrThrow({ where: { id: BigInt(body.id) } });
    expect(row).toMatchObject({
      context: "build-x86_64",
      state: "pending",
      source: "check:kernel-ci",
      patchId: null,
    });
  });

  it("takes patchwork's form fields with `Authorization: Token …`, as its bots send them with curl -d", async () => {
    const response = await call(
      createSeriesCheckEndpoint,
      seriesPath(LUKS.headMsgid),
      { project: "qemu", msgid: `<${LUKS.headMsgid}>` },
      {
        method: "POST",
        body: new URLSearchParams({
          state: "success",
          context: "build-x86_64",
          target_url: "",
          description: "built",
        }).toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Token ${ciToken}` },
      },
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ state: "success", target_url: null, description: "built" });
  });

  it.each([
    ["a state patchwork does not have", { context: "build", state: "passed" }, "state"],
    ["a context that is not a slug", { context: "build x86", state: "success" }, "context"],
    ["a context longer than 64", { context: "b".repeat(65), state: "success" }, "context"],
    [
      "a javascript: target_url",
      { context: "build", state: "fail", target_url: "javascript:alert(1)" },
      "target_url",
    ],
    [
      "a description over 1,000 characters",
      { context: "build", state: "fail", description: "x".repeat(1001) },
      "description",
    ],
    ["no context", { state: "success" }, "context"],
  ])("refuses %s with a 400 naming the field", async (_what, body, field) => {
    const message = await expectError(
      await postSeriesCheck(LUKS.headMsgid, body, bearer(ciToken)),
      400,
      "bad-request",
    );
    expect(message).toContain(`body ${field}`);
  });

  it("refuses a body that is not JSON with a 400 JSON error", async () => {
    const response = await call(
      createSeriesCheckEndpoint,
      seriesPath(LUKS.headMsgid),
      { project: "qemu", msgid: LUKS.headMsgid },
      {
        method: "POST",
        body: '{"context": "build", "state":',
        headers: { "content-type": "application/json", ...bearer(ciToken) },
      },
    );
    expect(await expectError(response, 400, "bad-request")).toBe("the body is not valid JSON");
  });

  it.each([
    ["no token", () => ({})],
    ["a token of the wrong shape", () => bearer("not-a-token")],
    ["an unknown token of the right shape", () => bearer(generateTesterToken())],
    ["a revoked token", () => bearer(revokedToken)],
    ["Basic credentials", () => ({ authorization: "Basic a2VybmVsLWNpOnNlY3JldA==" })],
  ] as [string, () => Record<string, string>][])(
    "answers 401 to %s, and writes nothing",
    async (_what, headers) => {
      const before = await t.prisma.testResult.count();
      await expectError(
        await postSeriesCheck(LUKS.headMsgid, { context: "build", state: "fail" }, headers()),
        401,
        "unauthorized",
      );
      expect(await t.prisma.testResult.count()).toBe(before);
    },
  );

  it("answers 403 to a token restricted to another project, and writes nothing", async () => {
    const before = await t.prisma.testResult.count();
    const message = await expectError(
      await postSeriesCheck(LUKS.headMsgid, { context: "build", state: "fail" }, bearer(xenToken)),
      403,
      "forbidden",
    );
    expect(message).toContain("qemu");
    expect(await t.prisma.testResult.count()).toBe(before);
  });

  it("answers 404 for a series the project does not have", async () => {
    await expectError(
      await postSeriesCheck("no-such@example.org", { context: "b", state: "fail" }, bearer(ciToken)),
      404,
      "not-found",
    );
  });
});

describe("GET /api/v1/series/{project}/{msgid}/checks", () => {
  it("lists the latest report of each context first, then the reports they replaced", async () => {
    await postSeriesCheck(LUKS.headMsgid, { context: "checkpatch", state: "warning" }, bearer(ciToken));
    const response = await call(listSeriesChecksEndpoint, seriesPath(LUKS.headMsgid), {
      project: "qemu",
      msgid: LUKS.headMsgid,
    });
    expect(response.status).toBe(200);
    const { items } = checkListSchema.parse(await response.json());
    expect(items.map((c) => [c.context, c.state, c.current])).toEqual([
      ["build-x86_64", "success", true],
      ["checkpatch", "warning", true],
      ["build-x86_64", "pending", false],
    ]);
  });

  it("answers an empty list for a series nobody reported on, and 404 for an unknown one", async () => {
    const empty = await call(listSeriesChecksEndpoint, seriesPath(MALTA.headMsgid), {
      project: "qemu",
      msgid: MALTA.headMsgid,
    });
    expect(await empty.json()).toEqual({ items: [] });
    const unknown = await call(listSeriesChecksEndpoint, seriesPath("x@y"), {
      project: "qemu",
      msgid: "x@y",
    });
    await expectError(unknown, 404, "not-found");
  });
});

describe("checks on one patch", () => {
  it("records a check on the patch's series with test_result.patch_id set", async () => {
    const response = await call(
      createPatchCheckEndpoint,
      patchPath(LUKS.patch2),
      { msgid: LUKS.patch2 },
      {
        method: "POST",
        body: JSON.stringify({ context: "checkpatch", state: "fail", description: "line over 80 columns" }),
        headers: { "content-type": "application/json", ...bearer(ciToken) },
      },
    );
    expect(response.status).toBe(201);
    const body = checkSchema.parse(await response.json());
    expect(body).toMatchObject({ patch: LUKS.patch2, state: "fail", source: "check:kernel-ci" });
    const row = await t.prisma.testResult.findUniqueOrThrow({
      where: { id: BigInt(body.id) },
      select: { patch: { select: { index: true } }, series: { select: { headMsgid: true } } },
    });
    expect(row).toEqual({ patch: { index: 2 }, series: { headMsgid: LUKS.headMsgid } });
  });

  it("lists the patch's checks, and the series lists them with the patch named", async () => {
    const patch = await call(listPatchChecksEndpoint, patchPath(LUKS.patch2), { msgid: LUKS.patch2 });
    const { items } = checkListSchema.parse(await patch.json());
    expect(items.map((c) => [c.context, c.state, c.patch])).toEqual([["checkpatch", "fail", LUKS.patch2]]);
    const series = await call(listSeriesChecksEndpoint, seriesPath(LUKS.headMsgid), {
      project: "qemu",
      msgid: LUKS.headMsgid,
    });
    const all = checkListSchema.parse(await series.json()).items;
    expect(all.filter((c) => c.current).map((c) => [c.context, c.patch])).toEqual([
      ["build-x86_64", null],
      ["checkpatch", null],
      ["checkpatch", LUKS.patch2],
    ]);
  });

  it("answers 403 to a token of another project and 404 to a mail that is not a patch", async () => {
    const post = (msgid: string, token: string) =>
      call(
        createPatchCheckEndpoint,
        patchPath(msgid),
        { msgid },
        {
          method: "POST",
          body: JSON.stringify({ context: "checkpatch", state: "success" }),
          headers: { "content-type": "application/json", ...bearer(token) },
        },
      );
    await expectError(await post(LUKS.patch2, xenToken), 403, "forbidden");
    // The cover letter is a message of the series but not a patch.
    await expectError(await post(LUKS.headMsgid, ciToken), 404, "not-found");
  });
});
