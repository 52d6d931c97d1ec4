import path from "node:path";

import { z } from "zod";

import { PatchwatchError } from "../errors";
import { formatIssues } from "./format-issues";

/**
 * The server's and the client's settings from the environment, parsed with zod. Patchwatch
 * reads its environment here and in secrets.ts (the variables the projects file names), and
 * nowhere else but for the PATH it hands on to git and to testers' scripts.
 */

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  PATCHWATCH_DATA: z.string().min(1).default("./data"),
  PATCHWATCH_PROJECTS: z.string().min(1).default("./projects.json"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where the robot's mail goes: smtp://[user:pass@]host:port (smtps:// for TLS). */
  PATCHWATCH_SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL" })
    .optional(),
  /** The address people reach this server at, for links in mail and feeds. */
  PATCHWATCH_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" })
    .optional(),
  /** Where next.config.js builds the web app, relative to the checkout (two builds can sit side by side). */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
});

export interface Config {
  databaseUrl: string | undefined;
  /** Everything Patchwatch keeps on disk lives below this directory. */
  dataDir: string;
  projectsFile: string;
  port: number;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  smtpUrl: string | undefined;
  /** Base URL for links in the robot's mail; http://localhost:PORT when not set. */
  publicUrl: string;
  /** The web app's build directory (NEXT_DIST_DIR), relative to the checkout. */
  nextDistDir: string;
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
    smtpUrl: e.PATCHWATCH_SMTP_URL,
    publicUrl: (e.PATCHWATCH_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    nextDistDir: e.NEXT_DIST_DIR,
  };
}

/**
 * Sets DATABASE_URL for code that reads the environment later in this process: `npm start`
 * runs the web server in-process, and it finds the embedded database this way.
 */
export function exportDatabaseUrl(url: string, env: NodeJS.ProcessEnv = process.env): void {
  env.DATABASE_URL = url;
}

/** Whether PATCHWATCH_DEBUG asks the CLI to print an error's stack as well as its message. */
export function debugRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.PATCHWATCH_DEBUG);
}

const clientEnvSchema = z.object({
  PATCHWATCH_SERVER: z
    .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" })
    .optional(),
  HOME: z.string().optional(),
  XDG_CONFIG_HOME: z.string().optional(),
  GIT_CONFIG_GLOBAL: z.string().optional(),
});

/** What the `patchwatch apply` and `list` commands read: the server, and where the user's git configuration is. */
export interface ClientConfig {
  server: string | undefined;
  home: string | undefined;
  xdgConfigHome: string | undefined;
  gitConfigGlobal: string | undefined;
}

export function loadClientConfig(env: NodeJS.ProcessEnv = process.env): ClientConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = clientEnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new PatchwatchError("config-invalid", `invalid environment:\n${formatIssues(parsed.error)}`);
  }
  const e = parsed.data;
  return {
    server: e.PATCHWATCH_SERVER,
    home: e.HOME,
    xdgConfigHome: e.XDG_CONFIG_HOME,
    gitConfigGlobal: e.GIT_CONFIG_GLOBAL,
  };
}
