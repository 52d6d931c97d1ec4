// Reacts to a GitLab pipeline's news (its webhook, lib/flows/test/receive-pipeline-event.ts,
// or a poll, lib/flows/test/poll-gitlab-project.ts); emits "test finished" (a `gitlab`
// test result of the series) when the pipeline's status is new or changed.
import type { Db } from "../../db/client";
import { recordPipeline } from "../../db/gitlab/record-pipeline";
import type { PipelineReport } from "../../gitlab/pipeline-report";
import { checkStateOfPipeline, describePipeline } from "../../gitlab/pipeline-status";

/** Records a pipeline of a series' tag, and the check its status stands for. */
export async function recordPipelineReport(
  db: Db,
  input: { projectId: number; seriesId: bigint; report: PipelineReport },
): Promise<{ changed: boolean }> {
  const { report } = input;
  return recordPipeline(db, {
    ...input,
    check: {
      state: checkStateOfPipeline(report.status),
      description: describePipeline(report),
      durationMs: report.durationSeconds === null ? null : Math.round(report.durationSeconds * 1000),
    },
  });
}
