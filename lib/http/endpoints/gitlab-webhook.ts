import type { GitlabConfig } from "../../config/projects-file";
import { resolveGitlabSecrets } from "../../config/secrets";
import { projectsConfig } from "../../config/server-config";
import { PatchwatchError } from "../../errors";
import { receivePipelineEvent } from "../../flows/test/receive-pipeline-event";
import { isWebhookSecret } from "../../gitlab/webhook-secret";
import { apiEndpoint } from "../api-endpoint";
import { gitlabWebhookContract } from "../check-contracts";

export interface GitlabWebhookSettings {
  gitlab: GitlabConfig;
  webhookSecret: string | undefined;
}

/** A project's GitLab settings as the server runs with them (projects file and environment). */
export function gitlabSettingsFromConfig(project: string): GitlabWebhookSettings | null {
  const config = projectsConfig().projects.find((p) => p.name === project)?.gitlab;
  return config ? { gitlab: config, webhookSecret: resolveGitlabSecrets(config).webhookSecret } : null;
}

/**
 * POST /api/v1/gitlab/{project}/webhook: GitLab's Pipeline Hook for the project's mirror.
 * The secret is checked before the body is read; lib/flows/test/receive-pipeline-event.ts
 * records the pipeline or says why it was ignored.
 */
export function gitlabWebhookEndpoint(settingsOf: (project: string) => GitlabWebhookSettings | null) {
  return apiEndpoint(gitlabWebhookContract, async ({ db, params, request, body }) => {
    const settings = settingsOf(params.project);
    if (!settings) throw new PatchwatchError("not-found", `project ${params.project} has no GitLab settings`);
    if (!isWebhookSecret(request.headers.get("x-gitlab-token"), settings.webhookSecret)) {
      throw new PatchwatchError("unauthorized", "X-Gitlab-Token is missing or wrong");
    }
    const answer = await receivePipelineEvent(db, {
      project: params.project,
      mirror: settings.gitlab.project,
      body: await body(),
    });
    return { body: answer };
  });
}
