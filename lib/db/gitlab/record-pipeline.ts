import type { CheckState } from "../../checks/check-state";
import type { PipelineReport } from "../../gitlab/pipeline-report";
import { type Db, prisma } from "../client";

/** The context GitLab's pipelines report under, and their source. */
export const GITLAB_CONTEXT = "gitlab";

/** The test result a pipeline status stands for, as the caller decided it. */
export interface PipelineCheck {
  state: CheckState;
  description: string;
  durationMs: number | null;
}

/**
 * Stores what GitLab says of a pipeline: its gitlab_pipeline row (one per project and
 * pipeline id) and, when the status is new or changed, a test_result of context `gitlab`
 * for its series. The upsert changes the row only when the status differs and returns it
 * only then, in one statement, so a webhook and a poll racing on the same news write one
 * result between them.
 */
export async function recordPipeline(
  db: Db,
  input: { projectId: number; seriesId: bigint; report: PipelineReport; check: PipelineCheck },
): Promise<{ changed: boolean }> {
  const { projectId, seriesId, report, check } = input;
  return prisma(db).$transaction(async (tx) => {
    const changed = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO gitlab_pipeline (project_id, series_id, pipeline_id, ref, sha, status, web_url)
      VALUES (${projectId}, ${seriesId}, ${BigInt(report.pipelineId)}, ${report.ref}, ${report.sha},
              ${report.status}, ${report.webUrl})
      ON CONFLICT (project_id, pipeline_id) DO UPDATE
         SET status = EXCLUDED.status, sha = COALESCE(EXCLUDED.sha, gitlab_pipeline.sha),
             web_url = COALESCE(EXCLUDED.web_url, gitlab_pipeline.web_url),
             series_id = EXCLUDED.series_id, updated_at = now()
       WHERE gitlab_pipeline.status IS DISTINCT FROM EXCLUDED.status
      RETURNING id`;
    if (changed.length === 0) return { changed: false };
    await tx.testResult.create({
      data: {
        seriesId,
        context: GITLAB_CONTEXT,
        state: check.state,
        url: report.webUrl,
        description: check.description,
        source: GITLAB_CONTEXT,
        durationMs: check.durationMs,
      },
    });
    return { changed: true };
  });
}
