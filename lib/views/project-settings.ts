import type { ProjectConfig } from "../config/projects-file";
import { projectsConfig } from "../config/server-config";

/**
 * A project's settings from the projects file, read when a page asks: the web server has no
 * other copy of them. The parsed file is kept until it changes on disk. A missing or broken
 * projects file means no settings (no tests to wait for, no lists), not a broken page.
 */
export function projectSettings(project: string): ProjectConfig | undefined {
  try {
    return projectsConfig().projects.find((p) => p.name === project);
  } catch {
    return undefined;
  }
}

/** The names of the tests a project configures (projects file, `tests`). */
export function configuredTests(project: string): string[] {
  return projectSettings(project)?.tests.map((t) => t.name) ?? [];
}
