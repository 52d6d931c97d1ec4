import type { ProjectConfig } from "../config/projects-file";

/** A configured test of a project, as a tester may claim it. */
export interface ClaimableTest {
  project: string;
  test: string;
}

export type ClaimScope =
  | { ok: true; tests: ClaimableTest[] }
  | { ok: false; error: "unknown-project" | "project-not-allowed"; project: string };

/**
 * Which tests a tester may take: those of the projects it asks for (all when it names
 * none) that its token allows (all when the token names none), whose every required
 * capability is among the tester's. Asking for a project the token does not allow is an
 * error, not an empty answer, so a misconfigured tester is told why it gets no work.
 */
export function claimableTests(
  projects: readonly Pick<ProjectConfig, "name" | "tests">[],
  token: { projects: readonly string[] },
  request: { capabilities: readonly string[]; projects?: readonly string[] },
): ClaimScope {
  const known = new Set(projects.map((p) => p.name));
  for (const name of request.projects ?? []) {
    if (!known.has(name)) return { ok: false, error: "unknown-project", project: name };
    if (token.projects.length > 0 && !token.projects.includes(name))
      return { ok: false, error: "project-not-allowed", project: name };
  }
  const offered = new Set(request.capabilities);
  const tests = projects
    .filter((p) => !request.projects?.length || request.projects.includes(p.name))
    .filter((p) => token.projects.length === 0 || token.projects.includes(p.name))
    .flatMap((p) =>
      p.tests
        .filter((t) => t.capabilities.every((c) => offered.has(c)))
        .map((t) => ({ project: p.name, test: t.name })),
    );
  return { ok: true, tests };
}
