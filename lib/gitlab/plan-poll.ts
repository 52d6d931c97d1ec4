import type { PipelineReport } from "./pipeline-report";
import { isPipelineFinished } from "./pipeline-status";

export interface PipelineToRecord {
  report: PipelineReport;
  /** A finished pipeline from the list has no duration: ask GitLab for the pipeline itself. */
  needsDetail: boolean;
}

/**
 * What a poll of one tag's pipelines writes: the pipelines whose status differs from what
 * we hold (new ones included), oldest first, so the newest pipeline's result is written
 * last and is the check's state.
 */
export function planPipelineUpdates(
  listed: readonly PipelineReport[],
  stored: ReadonlyMap<number, string>,
): PipelineToRecord[] {
  return [...listed]
    .filter((p) => stored.get(p.pipelineId) !== p.status)
    .sort((a, b) => a.pipelineId - b.pipelineId)
    .map((report) => ({
      report,
      needsDetail: isPipelineFinished(report.status) && report.durationSeconds === null,
    }));
}
