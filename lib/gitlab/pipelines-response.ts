import { z } from "zod";

import type { PipelineReport } from "./pipeline-report";
import { pipelineStatusSchema } from "./pipeline-status";

/**
 * GitLab's REST answers about pipelines (API v4, "Pipelines API"): the list
 * (`GET /projects/:id/pipelines`) and one pipeline (`GET /projects/:id/pipelines/:id`),
 * the fields we read. Only the single pipeline carries its duration.
 */
const pipelineSchema = z.object({
  id: z.number().int().positive(),
  ref: z.string().min(1).max(1000),
  sha: z
    .string()
    .regex(/^[0-9a-f]{7,64}$/)
    .nullish(),
  status: pipelineStatusSchema,
  web_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
  duration: z.number().min(0).nullish(),
});

const pipelineListSchema = z.array(pipelineSchema).max(1000);

function toReport(p: z.infer<typeof pipelineSchema>): PipelineReport {
  return {
    pipelineId: p.id,
    ref: p.ref,
    sha: p.sha ?? null,
    status: p.status,
    webUrl: p.web_url ?? null,
    durationSeconds: p.duration ?? null,
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function failure(error: z.ZodError): { ok: false; message: string } {
  const issue = error.issues[0];
  return {
    ok: false,
    message: `${issue?.path.map(String).join(".") || "body"}: ${issue?.message ?? "invalid"}`,
  };
}

export function parsePipelineList(body: unknown): Parsed<PipelineReport[]> {
  const parsed = pipelineListSchema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data.map(toReport) } : failure(parsed.error);
}

export function parsePipeline(body: unknown): Parsed<PipelineReport> {
  const parsed = pipelineSchema.safeParse(body);
  return parsed.success ? { ok: true, value: toReport(parsed.data) } : failure(parsed.error);
}
