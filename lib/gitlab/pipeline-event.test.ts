import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { isConfiguredProject, parsePipelineEvent } from "./pipeline-event";
import { parsePipeline, parsePipelineList } from "./pipelines-response";

const fixture = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "__fixtures__", name), "utf8"));

const TAG = "patchwatch/1469192015-16487-1-git-send-email-berrange@redhat.com_v4";

describe("parsePipelineEvent", () => {
  it("reads a recorded Pipeline Hook of a finished pipeline: id, tag ref, status, url, duration", () => {
    const parsed = parsePipelineEvent(fixture("recorded-pipeline-hook-success.json"));
    expect(parsed).toEqual({
      kind: "pipeline",
      project: { id: 42, path: "qemu-project/qemu-patchwatch" },
      report: {
        pipelineId: 1184,
        ref: TAG,
        sha: "5d1a3f0c8e2b4a6978c0d1e2f3a4b5c6d7e8f901",
        status: "success",
        webUrl: "https://gitlab.example.org/qemu-project/qemu-patchwatch/-/pipelines/1184",
        durationSeconds: 852,
      },
    });
  });

  it("gives a pending pipeline no duration", () => {
    const parsed = parsePipelineEvent(fixture("recorded-pipeline-hook-pending.json"));
    expect(parsed.kind === "pipeline" && parsed.report).toMatchObject({
      status: "pending",
      durationSeconds: null,
    });
  });

  it("builds the pipeline's URL from the project's when an older GitLab leaves `url` out", () => {
    const event = fixture("recorded-pipeline-hook-running.json") as {
      object_attributes: Record<string, unknown>;
    };
    delete event.object_attributes.url;
    const parsed = parsePipelineEvent(event);
    expect(parsed.kind === "pipeline" && parsed.report.webUrl).toBe(
      "https://gitlab.example.org/qemu-project/qemu-patchwatch/-/pipelines/1184",
    );
  });

  it("tells other events apart without reading them", () => {
    expect(parsePipelineEvent({ object_kind: "push", ref: "refs/heads/master" })).toEqual({
      kind: "other",
      objectKind: "push",
    });
  });

  it.each([
    ["no object_kind", { object_attributes: {} }],
    ["an array", []],
    [
      "a status with a newline",
      {
        ...(fixture("recorded-pipeline-hook-success.json") as object),
        object_attributes: { id: 1, ref: "x", status: "success\nx" },
        project: { id: 1, path_with_namespace: "a/b" },
      },
    ],
    [
      "a javascript: URL",
      {
        object_kind: "pipeline",
        object_attributes: { id: 1, ref: "x", status: "success", url: "javascript:alert(1)" },
        project: { id: 1, path_with_namespace: "a/b" },
      },
    ],
    [
      "a negative id",
      {
        object_kind: "pipeline",
        object_attributes: { id: -1, ref: "x", status: "success" },
        project: { id: 1, path_with_namespace: "a/b" },
      },
    ],
  ])("refuses %s", (_name, body) => {
    expect(parsePipelineEvent(body).kind).toBe("invalid");
  });
});

describe("isConfiguredProject", () => {
  it.each([
    [42, true],
    ["42", true],
    ["qemu-project/qemu-patchwatch", true],
    ["QEMU-Project/qemu-patchwatch", true],
    [43, false],
    ["qemu-project/qemu", false],
  ] as const)("configured %s matches project 42 qemu-project/qemu-patchwatch: %s", (configured, expected) => {
    expect(isConfiguredProject(configured, { id: 42, path: "qemu-project/qemu-patchwatch" })).toBe(expected);
  });
});

describe("the Pipelines API answers", () => {
  const exchanges = (
    fixture("recorded-pipelines-api.json") as { exchanges: { response: { body: unknown } }[] }
  ).exchanges;

  it("reads the list (no duration in it) and one pipeline (with its duration)", () => {
    const list = parsePipelineList(exchanges[0]!.response.body);
    expect(list).toEqual({
      ok: true,
      value: [expect.objectContaining({ pipelineId: 1190, status: "success", durationSeconds: null })],
    });
    const one = parsePipeline(exchanges[1]!.response.body);
    expect(one.ok && one.value).toMatchObject({ pipelineId: 1190, durationSeconds: 625 });
  });

  it("refuses an answer that is not a list of pipelines", () => {
    expect(parsePipelineList({ message: "404 Project Not Found" }).ok).toBe(false);
  });
});
