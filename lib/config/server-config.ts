import fs from "node:fs";

import { type Config, loadConfig } from "./environment";
import { loadProjects, type ProjectsFile } from "./projects-file";

/**
 * The configuration a running process works with: the web server on each request, the
 * CLI and `npm start` once at startup (workers get it from them). The environment is
 * parsed on first use and kept, since it does not change under a running process. The
 * projects file is parsed on first use and again only when its path, modification time
 * or size changes: an administrator's edit shows without a restart, and a request costs
 * one stat.
 */

let environment: Config | undefined;
let projects: { file: string; mtimeMs: number; size: number; parsed: ProjectsFile } | undefined;

export function serverConfig(): Config {
  return (environment ??= loadConfig());
}

/** The projects file PATCHWATCH_PROJECTS names (or `file`), parsed when it has changed since last asked. */
export function projectsConfig(file: string = serverConfig().projectsFile): ProjectsFile {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    // loadProjects says why the file cannot be read, in the words it always has.
    return loadProjects(file);
  }
  if (projects?.file !== file || projects.mtimeMs !== stat.mtimeMs || projects.size !== stat.size)
    projects = { file, mtimeMs: stat.mtimeMs, size: stat.size, parsed: loadProjects(file) };
  return projects.parsed;
}
