import fs from "node:fs";
import path from "node:path";

import { z } from "zod";

import { PatchwatchError } from "./errors";

/**
 * The only module that reads process.env. Configuration = environment + the projects
 * file, parsed with zod once and handed to whoever needs it.
 */

/** Routes in app/ that a project name would shadow. */
const RESERVED_NAMES = new Set(["api", "git", "m", "series", "search", "static", "_next", "favicon.ico"]);

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
    git: z
      .object({
        url: z.string().min(1),
        branch: z.string().min(1).default("master"),
      })
      .optional(),
    maintainersPath: z.string().default("MAINTAINERS"),
    /** Days without an answer from anyone but the author before a series counts as lost. */
    lostAfterDays: z.number().int().positive().default(14),
    /** Days a reviewed series may wait for merging before it counts as lost. */
    reviewedUnmergedDays: z.number().int().positive().default(30),
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
export type ProjectsFile = z.infer<typeof projectsFileSchema>;

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  PATCHWATCH_DATA: z.string().min(1).default("./data"),
  PATCHWATCH_PROJECTS: z.string().min(1).default("./projects.json"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  databaseUrl: string | undefined;
  /** Everything Patchwatch keeps on disk lives below this directory. */
  dataDir: string;
  projectsFile: string;
  port: number;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  - ${i.path.join(".") || "(top)"}: ${i.message}`).join("\n");
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (shells and process managers often leave them empty).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new PatchwatchError("config-invalid", `invalid environment:\n${formatIssues(parsed.error)}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.PATCHWATCH_DATA),
    projectsFile: path.resolve(e.PATCHWATCH_PROJECTS),
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
  };
}

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
