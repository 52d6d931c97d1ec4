import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadConfig } from "../../config/environment";
import { resolveGitlabSecrets } from "../../config/secrets";
import { createGitlabClient } from "../../gitlab-api/gitlab-client";
import {
  readRecordedExchanges,
  type ReplayGitlabServer,
  startReplayGitlabServer,
} from "../../gitlab-api/replay-gitlab-server";
import { gitlabWebhookEndpoint } from "../../http/endpoints/gitlab-webhook";
import { silentLog } from "../../log";
import { startWorkers } from "../../../workers";
import { pollGitlabProject } from "./poll-gitlab-project";
import { importAppliedSeries, LUKS, MALTA, projectsWithGitlab } from "../ingest/test-support/series-fixtures";
import { createTestDatabase, type TestDatabase } from "../../db/test-support/test-database";

// GitLab's side is recorded answers in GitLab's documented v4 shapes: webhook bodies
// posted to the real door, and REST answers replayed by a local HTTP server, since no
// GitLab is reachable from the tests.
const FIXTURES = path.resolve(__dirname, "../../gitlab/__fixtures__");
const SECRET = "hook-secret-5f2c";
const API_TOKEN = "glpat-replay-token";

let t: TestDatabase;
let gitlab: ReplayGitlabServer;
let qemuId: number;
const projects = () => projectsWithGitlab(gitlab.apiUrl);

const webhook = gitlabWebhookEndpoint((name) => {
  const config = projects().find((p) => p.name === name)?.gitlab;
  if (!config) return null;
  return {
    gitlab: config,
    webhookSecret: resolveGitlabSecrets(config, { ...process.env, QEMU_GITLAB_WEBHOOK_SECRET: SECRET })
      .webhookSecret,
  };
});

const hook = (name: string) =>
  fs.readFileSync(path.join(FIXTURES, `recorded-pipeline-hook-${name}.json`), "utf8");

function deliver(
  body: string,
  headers: Record<string, string> = { "x-gitlab-token": SECRET },
  project = "qemu",
) {
  return webhook.respond(
    () => t.db,
    new Request(`http://pw.test/api/v1/gitlab/${project}/webhook`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-gitlab-event": "Pipeline Hook", ...headers },
    }),
    { project },
  );
}

async function seriesId(headMsgid: string): Promise<bigint> {
  return (await t.prisma.series.findFirstOrThrow({ where: { headMsgid }, select: { id: true } })).id;
}

async function gitlabResults(headMsgid: string) {
  return t.prisma.testResult.findMany({
    where: { seriesId: await seriesId(headMsgid), context: "gitlab" },
    orderBy: { id: "asc" },
    select: { state: true, url: true, description: true, source: true, durationMs: true },
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  gitlab = await startReplayGitlabServer({
    exchanges: readRecordedExchanges(path.join(FIXTURES, "recorded-pipelines-api.json")),
    token: API_TOKEN,
  });
  await importAppliedSeries(t.db, projects(), new Date());
  qemuId = (await t.prisma.project.findUniqueOrThrow({ where: { name: "qemu" } })).id;
}, 300_000);
afterAll(async () => {
  await gitlab?.close();
  await t?.drop();
});

describe("POST /api/v1/gitlab/{project}/webhook", () => {
  it("refuses a missing or wrong X-Gitlab-Token with a 401 and records nothing", async () => {
    const wrong: Record<string, string>[] = [
      {},
      { "x-gitlab-token": "hook-secret-5f2" },
      { "x-gitlab-token": `${SECRET}x` },
    ];
    for (const headers of wrong) {
      const response = await deliver(hook("pending"), headers);
      expect(response.status).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
    expect(await t.prisma.gitlabPipeline.count()).toBe(0);
    expect(await t.prisma.testResult.count()).toBe(0);
  });

  it("records a pipeline of a series' tag: one gitlab_pipeline row and a pending result", async () => {
    const response = await deliver(hook("pending"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: "recorded" });
    expect(
      await t.prisma.gitlabPipeline.findMany({
        select: { projectId: true, seriesId: true, pipelineId: true, ref: true, status: true, webUrl: true },
      }),
    ).toEqual([
      {
        projectId: qemuId,
        seriesId: await seriesId(LUKS.headMsgid),
        pipelineId: 1184n,
        ref: LUKS.tag,
        status: "pending",
        webUrl: "https://gitlab.example.org/qemu-project/qemu-patchwatch/-/pipelines/1184",
      },
    ]);
    expect(await gitlabResults(LUKS.headMsgid)).toEqual([
      {
        state: "pending",
        url: "https://gitlab.example.org/qemu-project/qemu-patchwatch/-/pipelines/1184",
        description: "GitLab pipeline #1184: pending",
        source: "gitlab",
        durationMs: null,
      },
    ]);
  });

  it("follows pending → running → success in the same row, a result per change, none for a repeat", async () => {
    expect(await (await deliver(hook("running"))).json()).toEqual({ result: "recorded" });
    expect(await (await deliver(hook("running"))).json()).toEqual({ result: "unchanged" });
    expect(await (await deliver(hook("success"))).json()).toEqual({ result: "recorded" });
    expect(await (await deliver(hook("success"))).json()).toEqual({ result: "unchanged" });
    const rows = await t.prisma.gitlabPipeline.findMany({ select: { pipelineId: true, status: true } });
    expect(rows).toEqual([{ pipelineId: 1184n, status: "success" }]);
    const results = await gitlabResults(LUKS.headMsgid);
    expect(results.map((r) => r.state)).toEqual(["pending", "pending", "success"]);
    expect(results.at(-1)).toMatchObject({
      description: "GitLab pipeline #1184: success in 14 min 12 s",
      durationMs: 852_000,
    });
  });

  it("ignores, with a 200 and a note, pipelines of refs that are not a series' tag", async () => {
    const withRef = (ref: string) => {
      const body = JSON.parse(hook("running"));
      body.object_attributes.ref = ref;
      body.object_attributes.id = 2000;
      return JSON.stringify(body);
    };
    for (const [ref, note] of [
      ["master", "the ref is not a patchwatch/ tag"],
      ["patchwatch/nobody@example.org", "no series was published under this tag"],
      [
        "patchwatch/1469192015-16487-1-git-send-email-berrange@redhat.com_v5",
        "no series was published under this tag",
      ],
    ]) {
      const response = await deliver(withRef(ref!));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ result: "ignored", note });
    }
    const push = await deliver(JSON.stringify({ object_kind: "push", ref: "refs/heads/master" }));
    expect(await push.json()).toEqual({ result: "ignored", note: "not a pipeline event (push)" });
    const otherProject = JSON.parse(hook("running"));
    otherProject.project.id = 7;
    otherProject.project.path_with_namespace = "someone/else";
    expect((await (await deliver(JSON.stringify(otherProject))).json()).result).toBe("ignored");
    expect(await t.prisma.gitlabPipeline.count()).toBe(1);
  });

  it("answers a body that is not JSON, or not a pipeline event, with a 400 JSON error", async () => {
    for (const body of [
      '{"object_kind": "pipeline", ',
      "",
      '{"object_kind":"pipeline","object_attributes":{"id":"1"}}',
    ]) {
      const response = await deliver(body);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect((await response.json()).error.code).toBe("bad-request");
    }
  });

  it("answers 404 for a project without GitLab settings, before looking at the secret", async () => {
    const response = await deliver(hook("success"), { "x-gitlab-token": SECRET }, "xen");
    expect(response.status).toBe(404);
  });
});

describe("polling GitLab, the fallback for lost webhooks", () => {
  const client = () =>
    createGitlabClient({ apiUrl: gitlab.apiUrl, project: "qemu-project/qemu-patchwatch", token: API_TOKEN });

  it("finds the pipeline of a pushed tag whose webhook never came, with its duration", async () => {
    const summary = await pollGitlabProject(
      { db: t.db, client: client(), log: silentLog, now: new Date() },
      { name: "qemu", id: qemuId },
    );
    // The series with a finished pipeline is not asked about again.
    expect(summary).toEqual({ tags: 1, recorded: 1 });
    expect(gitlab.requests.map((r) => [r.path, r.query.ref ?? null, r.token])).toEqual([
      ["/api/v4/projects/qemu-project%2Fqemu-patchwatch/pipelines", MALTA.tag, API_TOKEN],
      ["/api/v4/projects/qemu-project%2Fqemu-patchwatch/pipelines/1190", null, API_TOKEN],
    ]);
    expect(await gitlabResults(MALTA.headMsgid)).toEqual([
      {
        state: "success",
        url: "https://gitlab.example.org/qemu-project/qemu-patchwatch/-/pipelines/1190",
        description: "GitLab pipeline #1190: success in 10 min 25 s",
        source: "gitlab",
        durationMs: 625_000,
      },
    ]);
    const again = await pollGitlabProject(
      { db: t.db, client: client(), log: silentLog, now: new Date() },
      { name: "qemu", id: qemuId },
    );
    expect(again).toEqual({ tags: 0, recorded: 0 });
  });

  it("leaves tags applied more than the polling window ago alone", async () => {
    const inAWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
    await t.prisma.gitlabPipeline.deleteMany({ where: { pipelineId: 1190n } });
    const summary = await pollGitlabProject(
      { db: t.db, client: client(), log: silentLog, now: inAWeek },
      { name: "qemu", id: qemuId },
    );
    expect(summary).toEqual({ tags: 0, recorded: 0 });
  });

  it("stops the round with the reason when GitLab refuses the token", async () => {
    const wrongToken = createGitlabClient({
      apiUrl: gitlab.apiUrl,
      project: "qemu-project/qemu-patchwatch",
      token: "nope",
    });
    const summary = await pollGitlabProject(
      { db: t.db, client: wrongToken, log: silentLog, now: new Date() },
      { name: "qemu", id: qemuId },
    );
    expect(summary).toMatchObject({ tags: 1, recorded: 0, error: expect.stringContaining("401") });
  });

  it("the gitlab worker polls through the job queue as soon as it starts", async () => {
    const before = (await gitlabResults(MALTA.headMsgid)).length;
    process.env.QEMU_GITLAB_TOKEN = API_TOKEN;
    const workers = await startWorkers(
      ["gitlab"],
      { db: t.db, databaseUrl: t.url, projects: projects(), log: silentLog, config: loadConfig() },
      { pollingIntervalSeconds: 0.5 },
    );
    try {
      const deadline = Date.now() + 30_000;
      while (
        Date.now() < deadline &&
        (await t.prisma.gitlabPipeline.count({ where: { pipelineId: 1190n } })) === 0
      ) {
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(
        await t.prisma.gitlabPipeline.findFirst({ where: { pipelineId: 1190n }, select: { status: true } }),
      ).toEqual({
        status: "success",
      });
      expect((await gitlabResults(MALTA.headMsgid)).length).toBe(before + 1);
    } finally {
      await workers.stop();
      delete process.env.QEMU_GITLAB_TOKEN;
    }
  });
});
