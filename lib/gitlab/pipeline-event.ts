import { z } from "zod";

import type { PipelineReport } from "./pipeline-report";
import { pipelineStatusSchema } from "./pipeline-status";

/**
 * GitLab's Pipeline Hook payload (docs: user/project/integrations/webhook_events,
 * "Pipeline events"), the fields we read. The payload carries much more (builds, commit,
 * user, merge request); zod drops it. Everything here comes from whoever knows the secret,
 * so every field is bounded and a URL must be http(s).
 */
const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);

const pipelineEventSchema = z.object({
  object_kind: z.literal("pipeline"),
  object_attributes: z.object({
    id: z.number().int().positive(),
    ref: z.string().min(1).max(1000),
    tag: z.boolean().optional(),
    sha: z
      .string()
      .regex(/^[0-9a-f]{7,64}$/)
      .nullish(),
    status: pipelineStatusSchema,
    duration: z.number().min(0).nullish(),
    /** Added in GitLab 14.x; older servers leave it out and the project's web_url stands in. */
    url: httpUrl.nullish(),
  }),
  project: z.object({
    id: z.number().int().positive(),
    path_with_namespace: z.string().max(1000),
    web_url: httpUrl.nullish(),
  }),
});

export type PipelineEventParse =
  | { kind: "pipeline"; report: PipelineReport; project: { id: number; path: string } }
  | { kind: "other"; objectKind: string }
  | { kind: "invalid"; message: string };

/** A webhook body (already JSON-parsed) as a pipeline report, another event, or an invalid one. */
export function parsePipelineEvent(body: unknown): PipelineEventParse {
  const kind = z.object({ object_kind: z.string().max(100) }).safeParse(body);
  if (!kind.success) return { kind: "invalid", message: "the body has no object_kind" };
  if (kind.data.object_kind !== "pipeline") return { kind: "other", objectKind: kind.data.object_kind };
  const parsed = pipelineEventSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: "invalid",
      message: `not a pipeline event: ${issue?.path.map(String).join(".") || "body"}: ${issue?.message ?? "invalid"}`,
    };
  }
  const { object_attributes: a, project } = parsed.data;
  const webUrl =
    a.url ?? (project.web_url ? `${project.web_url.replace(/\/+$/, "")}/-/pipelines/${a.id}` : null);
  return {
    kind: "pipeline",
    project: { id: project.id, path: project.path_with_namespace },
    report: {
      pipelineId: a.id,
      ref: a.ref,
      sha: a.sha ?? null,
      status: a.status,
      webUrl,
      durationSeconds: a.duration ?? null,
    },
  };
}

/** Whether the event's project is the configured mirror (numeric id, or `group/project` path). */
export function isConfiguredProject(
  configured: number | string,
  project: { id: number; path: string },
): boolean {
  if (typeof configured === "number") return configured === project.id;
  if (/^\d+$/.test(configured)) return Number(configured) === project.id;
  return configured.toLowerCase() === project.path.toLowerCase();
}
