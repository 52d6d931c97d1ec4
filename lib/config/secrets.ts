import { PatchwatchError } from "../errors";
import type { GitlabConfig, ImapSourceEntry, ProjectConfig } from "./projects-file";
import { listImapSources } from "./projects-file";

/**
 * Secrets the projects file names by environment variable (IMAP passwords and tokens,
 * GitLab tokens and webhook secrets). They are read when asked, never kept, so a process
 * sees the environment as it is.
 */

/** An IMAP source ready to connect, with its secret. */
export interface ImapSource extends Omit<ImapSourceEntry, "passwordEnv" | "accessTokenEnv"> {
  auth: { user: string; pass: string } | { user: string; accessToken: string };
}

/** Every project's IMAP sources, with their secrets read from the environment. */
export function resolveImapSources(
  projects: ProjectConfig[],
  env: NodeJS.ProcessEnv = process.env,
): ImapSource[] {
  return listImapSources(projects).map(({ passwordEnv, accessTokenEnv, ...source }) => {
    const variable = (passwordEnv ?? accessTokenEnv)!;
    const secret = env[variable];
    if (!secret)
      throw new PatchwatchError(
        "config-invalid",
        `IMAP source ${source.key}: the environment variable ${variable} is not set`,
      );
    return {
      ...source,
      auth: passwordEnv ? { user: source.user, pass: secret } : { user: source.user, accessToken: secret },
    };
  });
}

/** A project's GitLab secrets (API token, webhook secret), from the environment variables its settings name. */
export function resolveGitlabSecrets(
  gitlab: GitlabConfig,
  env: NodeJS.ProcessEnv = process.env,
): { token: string | undefined; webhookSecret: string | undefined } {
  const read = (name: string | undefined) => (name ? env[name] || undefined : undefined);
  return { token: read(gitlab.tokenEnv), webhookSecret: read(gitlab.webhookSecretEnv) };
}
