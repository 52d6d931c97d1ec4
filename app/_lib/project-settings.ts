import fs from "node:fs";

import { loadConfig, loadProjects, type ProjectConfig } from "@/lib/config";

let cached: { file: string; mtimeMs: number; projects: ProjectConfig[] } | null = null;

/**
 * A project's settings from the projects file, read when a page asks: the web server has no
 * other copy of them. The parsed file is kept until it changes on disk. A missing or broken
 * projects file means no settings (no tests to wait for, no lists), not a broken page.
 */
export function projectSettings(project: string): ProjectConfig | undefined {
  try {
    const file = loadConfig().projectsFile;
    const mtimeMs = fs.statSync(file).mtimeMs;
    if (cached?.file !== file || cached.mtimeMs !== mtimeMs)
      cached = { file, mtimeMs, projects: loadProjects(file).projects };
    return cached.projects.find((p) => p.name === project);
  } catch {
    return undefined;
  }
}

/** The names of the tests a project configures (projects file, `tests`). */
export function configuredTests(project: string): string[] {
  return projectSettings(project)?.tests.map((t) => t.name) ?? [];
}
