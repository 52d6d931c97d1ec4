import fs from "node:fs";

import { loadConfig, loadProjects, type ProjectConfig } from "@/lib/config";

let cached: { file: string; mtimeMs: number; projects: ProjectConfig[] } | null = null;

/**
 * The names of the tests a project configures (projects file, `tests`), read when a page
 * asks: the web server has no other copy of the settings. The parsed file is kept until
 * it changes on disk. A missing or broken projects file means no tests to wait for, not a
 * broken page.
 */
export function configuredTests(project: string): string[] {
  try {
    const file = loadConfig().projectsFile;
    const mtimeMs = fs.statSync(file).mtimeMs;
    if (cached?.file !== file || cached.mtimeMs !== mtimeMs)
      cached = { file, mtimeMs, projects: loadProjects(file).projects };
    return cached.projects.find((p) => p.name === project)?.tests.map((t) => t.name) ?? [];
  } catch {
    return [];
  }
}
