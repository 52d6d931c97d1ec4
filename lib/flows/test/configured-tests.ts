import type { ProjectConfig } from "../../config/projects-file";

/** The tests the projects file configures for a project (none for an unknown one). */
export function configuredTests(
  projects: readonly ProjectConfig[] | undefined,
  project: string,
): ProjectConfig["tests"] {
  return projects?.find((p) => p.name === project)?.tests ?? [];
}
