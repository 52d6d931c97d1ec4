/**
 * One pipeline as Patchwatch keeps it, whether a webhook told us or polling found it;
 * GitLab's two shapes (lib/gitlab/pipeline-event.ts, pipelines-response.ts) become this.
 */
export interface PipelineReport {
  pipelineId: number;
  /** The ref the pipeline ran for: our tag name, without refs/tags/. */
  ref: string;
  sha: string | null;
  status: string;
  webUrl: string | null;
  durationSeconds: number | null;
}
