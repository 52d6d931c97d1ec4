// Reacts to the timer of `gitlab.pollMinutes` (the fallback for lost webhooks); emits
// "test finished" per pipeline whose status is new or changed (record-pipeline-report.ts).
import type { Db } from "../../db/client";
import { findTagsToPoll } from "../../db/gitlab/find-tags-to-poll";
import type { GitlabClient } from "../../gitlab-api/gitlab-client";
import { planPipelineUpdates } from "../../gitlab/plan-poll";
import type { Log } from "../../log";
import { recordPipelineReport } from "./record-pipeline-report";

export interface PollSummary {
  tags: number;
  recorded: number;
  /** Why the round stopped early (GitLab unreachable or answering nonsense). */
  error?: string;
}

/**
 * One poll of a project's GitLab mirror: for each recent tag without a finished pipeline,
 * GitLab's pipelines of that ref, and a result for each one whose status we did not have.
 * The first failing request ends the round: GitLab down would otherwise cost a timeout
 * per tag; the next round starts where this one stopped.
 */
export async function pollGitlabProject(
  ctx: { db: Db; client: GitlabClient; log: Log; now: Date },
  project: { name: string; id: number },
): Promise<PollSummary> {
  const tags = await findTagsToPoll(ctx.db, project.name, ctx.now);
  let recorded = 0;
  try {
    for (const tag of tags) {
      // GitLab matches `ref` exactly; a pipeline of another ref in the answer is not ours.
      const listed = (await ctx.client.listPipelines(tag.tag)).filter((p) => p.ref === tag.tag);
      for (const { report, needsDetail } of planPipelineUpdates(listed, tag.pipelines)) {
        const detail = needsDetail ? await ctx.client.getPipeline(report.pipelineId) : report;
        const { changed } = await recordPipelineReport(ctx.db, {
          projectId: project.id,
          seriesId: tag.seriesId,
          report: { ...detail, ref: tag.tag },
        });
        if (changed) recorded++;
      }
    }
  } catch (error) {
    return { tags: tags.length, recorded, error: (error as Error).message };
  }
  return { tags: tags.length, recorded };
}
