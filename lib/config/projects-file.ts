import fs from "node:fs";

import { z } from "zod";

import { PatchwatchError } from "../errors";
import { formatIssues } from "./format-issues";

/**
 * The projects file (PATCHWATCH_PROJECTS): every project, its lists, its tree, its tests and
 * robots, validated with zod. Secrets never sit in it: it names environment variables.
 */

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Routes in app/ that a project name would shadow. */
const RESERVED_NAMES = new Set([
  "api",
  "git",
  "m",
  "series",
  "search",
  "logs",
  "static",
  "_next",
  "favicon.ico",
  "favicon.svg",
  "atom.xml",
  "maintainer",
]);

/**
 * An IMAP mailbox subscribed to the project's list. Secrets never sit in the file: it
 * names the environment variable that holds the password or OAuth2 access token.
 */
const imapSourceSchema = z
  .object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(993),
    /** Implicit TLS (port 993). Without it the connection is upgraded with STARTTLS when offered. */
    tls: z.boolean().default(true),
    user: z.string().min(1),
    passwordEnv: z.string().regex(ENV_NAME, "an environment variable name").optional(),
    accessTokenEnv: z.string().regex(ENV_NAME, "an environment variable name").optional(),
    mailbox: z.string().min(1).default("INBOX"),
    /** Mark read messages \Seen (opens the mailbox read-write); never deletes or moves mail. */
    markSeen: z.boolean().default(false),
    /** Seconds between checks when the server has no IDLE, and between safety checks with it. */
    pollSeconds: z.number().int().min(1).max(3600).default(60),
  })
  .strict()
  .refine((s) => Boolean(s.passwordEnv) !== Boolean(s.accessTokenEnv), {
    message: "give exactly one of passwordEnv and accessTokenEnv",
  });

/** A value handed to git as a repository: a URL or a local path, never something git would read as an option. */
const repositorySchema = z
  .string()
  .min(1)
  .refine((s) => !s.startsWith("-") && !/[\0\n]/.test(s), { message: "a repository URL or path" });

/** The project's upstream tree, which series are applied to (workers/apply.ts). */
const gitSchema = z
  .object({
    /** The upstream repository: a URL git can fetch, or a local path. */
    url: repositorySchema,
    branch: z
      .string()
      .min(1)
      .regex(/^(?!-)(?!.*\.\.)[A-Za-z0-9._/+-]+$/, "a branch name")
      .default("master"),
    /** Minutes between fetches of the upstream repository (it is also fetched before each apply round). */
    fetchMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    /** Series whose last activity is older than this many days are not applied or retried; none when absent. */
    applyDays: z.number().int().positive().optional(),
    /**
     * A remote the `patchwatch/…` tags are pushed to as well (a GitLab or GitHub mirror);
     * `fetchUrl` is the URL people fetch from when it differs from the push URL.
     */
    publish: z
      .object({
        url: repositorySchema,
        fetchUrl: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** A name that is safe in a URL, a ref and a log line: tests, check contexts, capabilities. */
const slugSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:=-]{0,62}$/, "letters, digits, '.', '_', ':', '=' or '-'");

/**
 * A test run by testers in the applied tree (`patchwatch tester`). The script is the
 * administrator's, never a mail's: it runs with bash in a clean worktree of the series' tag.
 */
const testSchema = z
  .object({
    name: slugSchema,
    script: z.string().min(1),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(24 * 3600)
      .default(3600),
    /** What a tester must offer to take it (`arch=aarch64`); all of them. */
    capabilities: z.array(slugSchema).default([]),
    /** Whether a new failure is mailed to the series' author. */
    email: z.boolean().default(false),
  })
  .strict();

/** How the robot replies by email (workers/notify.ts); the SMTP server is PATCHWATCH_SMTP_URL. */
const robotSchema = z
  .object({
    from: z.email(),
    fromName: z.string().min(1).default("Patchwatch"),
    /** Compose and store the replies, send nothing. */
    dryRun: z.boolean().default(true),
    /** Reply when a series does not apply. */
    applyFailures: z.boolean().default(true),
    /** Put the project's lists on Cc. */
    ccLists: z.boolean().default(true),
    /** Put the maintainers of the touched files on Cc (MAINTAINERS in the project's tree). */
    ccMaintainers: z.boolean().default(false),
    /** Mails to one address in an hour, at most. */
    maxPerRecipientPerHour: z.number().int().min(1).max(1000).default(5),
  })
  .strict();

/** GitLab runs its pipeline on the pushed tags; Patchwatch records the pipelines. */
const gitlabSchema = z
  .object({
    /** The API root, e.g. https://gitlab.example.org/api/v4 */
    apiUrl: z.url({ protocol: /^https?$/ }),
    /** The mirror project's numeric id or its path (`group/project`). */
    project: z.union([z.number().int().positive(), z.string().min(1)]),
    tokenEnv: z.string().regex(ENV_NAME, "an environment variable name").optional(),
    /** The webhook's shared secret (X-Gitlab-Token), from this environment variable. */
    webhookSecretEnv: z.string().regex(ENV_NAME, "an environment variable name").optional(),
    /** Minutes between polls of unfinished pipelines, the fallback for lost webhooks. */
    pollMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(5),
  })
  .strict();

/** A checkpatch-style rule: lines the diff adds must not match `pattern`. */
const formatRuleSchema = z
  .object({
    name: slugSchema,
    pattern: z.string().min(1),
    message: z.string().min(1),
  })
  .strict();

/**
 * The format-check robot: a mailbox first-time contributors send their series to. It is
 * read like a list, checked, answered privately; nothing of it appears among the series.
 */
const formatCheckSchema = z
  .object({
    /** The address contributors write to (patch-check@…). */
    address: z.email().transform((s) => s.toLowerCase()),
    imap: z.array(imapSourceSchema).default([]),
    rules: z.array(formatRuleSchema).default([]),
    /** Replies to one address in an hour, at most. */
    maxPerSenderPerHour: z.number().int().min(1).max(1000).default(10),
  })
  .strict();

const projectSchema = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]{0,62}$/,
        "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
      )
      .refine((n) => !RESERVED_NAMES.has(n), { message: "collides with a top-level route" }),
    displayName: z.string().min(1).optional(),
    /** Parent project: a subproject shares the parent's lists and is picked by subject prefix. */
    parent: z.string().optional(),
    /** List addresses; a message with one of them in To or Cc belongs here. */
    lists: z.array(z.email().transform((s) => s.toLowerCase())).default([]),
    /** List-Id values (the part inside <>), for archives where To/Cc do not name the list. */
    listIds: z
      .array(
        z
          .string()
          .min(1)
          .transform((s) => s.toLowerCase()),
      )
      .default([]),
    /** The subject must carry one of these prefixes (`[PATCH qemu-web]`, `[python PATCH]`). */
    requirePrefixes: z
      .array(
        z
          .string()
          .min(1)
          .transform((s) => s.toLowerCase()),
      )
      .default([]),
    /** A subject carrying one of these prefixes does not belong here (QEMU refuses `qemu-web`). */
    refusePrefixes: z
      .array(
        z
          .string()
          .min(1)
          .transform((s) => s.toLowerCase()),
      )
      .default([]),
    git: gitSchema.optional(),
    maintainersPath: z.string().default("MAINTAINERS"),
    /** Days without an answer from anyone but the author before a series counts as lost. */
    lostAfterDays: z.number().int().positive().default(14),
    /** Days a reviewed series may wait for merging before it counts as lost. */
    reviewedUnmergedDays: z.number().int().positive().default(30),
    /** Mailboxes to read live (workers/ingest-imap). */
    imap: z.array(imapSourceSchema).default([]),
    /** Tests testers run on each applied series and on the branch head. */
    tests: z.array(testSchema).default([]),
    robot: robotSchema.optional(),
    gitlab: gitlabSchema.optional(),
    formatCheck: formatCheckSchema.optional(),
  })
  .strict();

const projectsFileSchema = z
  .object({
    projects: z.array(projectSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const names = new Set<string>();
    for (const [i, p] of file.projects.entries()) {
      if (names.has(p.name))
        ctx.addIssue({
          code: "custom",
          path: ["projects", i, "name"],
          message: `duplicate project '${p.name}'`,
        });
      names.add(p.name);
    }
    for (const [i, p] of file.projects.entries()) {
      if (p.parent && !names.has(p.parent))
        ctx.addIssue({
          code: "custom",
          path: ["projects", i, "parent"],
          message: `unknown parent project '${p.parent}'`,
        });
      if (p.parent === p.name)
        ctx.addIssue({
          code: "custom",
          path: ["projects", i, "parent"],
          message: "a project cannot be its own parent",
        });
    }
  });

export type ProjectConfig = z.infer<typeof projectSchema>;
export type ImapSourceConfig = z.infer<typeof imapSourceSchema>;
export type GitConfig = z.infer<typeof gitSchema>;
export type TestConfig = z.infer<typeof testSchema>;
export type RobotConfig = z.infer<typeof robotSchema>;
export type GitlabConfig = z.infer<typeof gitlabSchema>;
export type FormatCheckConfig = z.infer<typeof formatCheckSchema>;
export type ProjectsFile = z.infer<typeof projectsFileSchema>;

/** Parses a projects file's text; `where` names it in error messages. */
export function parseProjectsFile(text: string, where: string): ProjectsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PatchwatchError("config-invalid", `${where}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = projectsFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new PatchwatchError(
      "config-invalid",
      `${where}: invalid projects file:\n${formatIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

export function loadProjects(file: string): ProjectsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new PatchwatchError(
      "config-invalid",
      `cannot read projects file ${file}: ${(error as Error).message}`,
    );
  }
  return parseProjectsFile(text, file);
}

/** An IMAP source as configured: its project and a stable key, no secret. */
export interface ImapSourceEntry extends ImapSourceConfig {
  project: string;
  /** project/user@host:port/mailbox: names the source in state and status. */
  key: string;
}

export function listImapSources(projects: ProjectConfig[]): ImapSourceEntry[] {
  return projects.flatMap((project) =>
    project.imap.map((s) => ({
      ...s,
      project: project.name,
      key: `${project.name}/${s.user}@${s.host}:${s.port}/${s.mailbox}`,
    })),
  );
}
