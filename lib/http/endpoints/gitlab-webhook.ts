import { TAG_PREFIX } from "../../apply/tag-name";
import { type GitlabConfig, loadConfig, loadProjects, resolveGitlabSecrets } from "../../config";
import { findSeriesByTag } from "../../db/gitlab/find-series-by-tag";
import { recordPipeline } from "../../db/gitlab/record-pipeline";
import { PatchwatchError } from "../../errors";
import { isConfiguredProject, parsePipelineEvent } from "../../gitlab/pipeline-event";
import { isWebhookSecret } from "../../gitlab/webhook-secret";
import { apiEndpoint } from "../api-endpoint";
import { gitlabWebhookContract } from "../check-contracts";

export interface GitlabWebhookSettings {
  gitlab: GitlabConfig;
  webhookSecret: string | undefined;
}

/** A project's GitLab settings as the server runs with them (projects file and environment). */
export function gitlabSettingsFromConfig(project: string): GitlabWebhookSettings | null {
  const config = loadProjects(loadConfig().projectsFile).projects.find((p) => p.name === project)?.gitlab;
  return config ? { gitlab: config, webhookSecret: resolveGitlabSecrets(config).webhookSecret } : null;
}

const ignored = (note: string) => ({ body: { result: "ignored" as const, note } });

/**
 * POST /api/v1/gitlab/{project}/webhook: GitLab's Pipeline Hook for the project's mirror.
 * The secret is checked before the body is read; a pipeline of a `patchwatch/…` tag that
 * one of the project's series was published under is recorded, anything else is answered
 * `ignored` with a note (GitLab disables a hook that keeps failing, and a push or job event
 * is no error of the sender's).
 */
export function gitlabWebhookEndpoint(settingsOf: (project: string) => GitlabWebhookSettings | null) {
  return apiEndpoint(gitlabWebhookContract, async ({ db, params, request, body }) => {
    const settings = settingsOf(params.project);
    if (!settings) throw new PatchwatchError("not-found", `project ${params.project} has no GitLab settings`);
    if (!isWebhookSecret(request.headers.get("x-gitlab-token"), settings.webhookSecret)) {
      throw new PatchwatchError("unauthorized", "X-Gitlab-Token is missing or wrong");
    }
    const event = parsePipelineEvent(await body());
    if (event.kind === "invalid") throw new PatchwatchError("bad-request", event.message);
    if (event.kind === "other") return ignored(`not a pipeline event (${event.objectKind.slice(0, 100)})`);
    if (!isConfiguredProject(settings.gitlab.project, event.project)) {
      return ignored(`pipeline of GitLab project ${event.project.id}, not of the configured mirror`);
    }
    const { report } = event;
    if (!report.ref.startsWith(TAG_PREFIX)) return ignored("the ref is not a patchwatch/ tag");
    const series = await findSeriesByTag(db, params.project, report.ref);
    if (!series) return ignored("no series was published under this tag");
    const project = await db.project.findUnique({ where: { name: params.project }, select: { id: true } });
    if (!project) throw new PatchwatchError("not-found", `no project ${params.project}`);
    const { changed } = await recordPipeline(db, {
      projectId: project.id,
      seriesId: series.seriesId,
      report,
    });
    return { body: { result: changed ? ("recorded" as const) : ("unchanged" as const) } };
  });
}
