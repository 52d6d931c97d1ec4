import { z } from "zod";

import type { CheckState } from "../checks/check-state";

/**
 * A pipeline status as GitLab writes it (`created`, `running`, `success`, …). Only checked
 * for shape: GitLab adds statuses over time (`canceling` came in 17.x), and an unknown one
 * is treated as still running rather than refused.
 */
export const pipelineStatusSchema = z.string().regex(/^[a-z_]{1,40}$/, "a GitLab pipeline status");

/** Statuses after which a pipeline changes no more (unless someone retries it). */
export const FINISHED_PIPELINE_STATUSES = ["success", "failed", "canceled", "skipped"] as const;
const FINISHED = new Set<string>(FINISHED_PIPELINE_STATUSES);

const STATE_OF: Record<string, CheckState> = {
  success: "success",
  failed: "fail",
  canceled: "warning",
  skipped: "warning",
};

/**
 * The check state a pipeline status stands for: created, pending, running,
 * waiting_for_resource, preparing, scheduled (and manual, canceling, anything newer) are
 * pending; success is success; failed is fail; canceled and skipped are a warning, as
 * nobody saw the tests fail.
 */
export function checkStateOfPipeline(status: string): CheckState {
  return STATE_OF[status] ?? "pending";
}

export function isPipelineFinished(status: string): boolean {
  return FINISHED.has(status);
}

/** `GitLab pipeline #123: success in 4 min 12 s`, the description of the check. */
export function describePipeline(pipeline: {
  pipelineId: number;
  status: string;
  durationSeconds: number | null;
}): string {
  const took = pipeline.durationSeconds === null ? "" : ` in ${formatDuration(pipeline.durationSeconds)}`;
  return `GitLab pipeline #${pipeline.pipelineId}: ${pipeline.status.replace(/_/g, " ")}${took}`;
}

function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
