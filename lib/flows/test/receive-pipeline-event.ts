// Reacts to GitLab's Pipeline Hook for a project's mirror (POST /api/v1/gitlab/{project}/webhook);
// emits "test finished" when the pipeline's status is new or changed (record-pipeline-report.ts).
import { TAG_PREFIX } from "../../apply/tag-name";
import type { Db } from "../../db/client";
import { findProjectId } from "../../db/gitlab/find-project-id";
import { findSeriesByTag } from "../../db/gitlab/find-series-by-tag";
import { PatchwatchError } from "../../errors";
import { isConfiguredProject, parsePipelineEvent } from "../../gitlab/pipeline-event";
import { recordPipelineReport } from "./record-pipeline-report";

export type PipelineEventAnswer = { result: "recorded" | "unchanged" } | { result: "ignored"; note: string };

const ignored = (note: string): PipelineEventAnswer => ({ result: "ignored", note });

/**
 * A webhook body from the mirror of `project` (`mirror`: its GitLab id or path): a
 * pipeline of a `patchwatch/…` tag that one of the project's series was published under
 * is recorded; anything else is answered `ignored` with a note (GitLab disables a hook
 * that keeps failing, and a push or job event is no error of the sender's).
 */
export async function receivePipelineEvent(
  db: Db,
  input: { project: string; mirror: number | string; body: unknown },
): Promise<PipelineEventAnswer> {
  const event = parsePipelineEvent(input.body);
  if (event.kind === "invalid") throw new PatchwatchError("bad-request", event.message);
  if (event.kind === "other") return ignored(`not a pipeline event (${event.objectKind.slice(0, 100)})`);
  if (!isConfiguredProject(input.mirror, event.project)) {
    return ignored(`pipeline of GitLab project ${event.project.id}, not of the configured mirror`);
  }
  const { report } = event;
  if (!report.ref.startsWith(TAG_PREFIX)) return ignored("the ref is not a patchwatch/ tag");
  const series = await findSeriesByTag(db, input.project, report.ref);
  if (!series) return ignored("no series was published under this tag");
  const projectId = await findProjectId(db, input.project);
  if (projectId === null) throw new PatchwatchError("not-found", `no project ${input.project}`);
  const { changed } = await recordPipelineReport(db, { projectId, seriesId: series.seriesId, report });
  return { result: changed ? "recorded" : "unchanged" };
}
