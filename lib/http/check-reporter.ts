import { authenticateTester } from "../db/ci/testers";
import type { Db } from "../db/client";
import { PatchwatchError } from "../errors";

/** Whoever posts a check: a tester token, with the projects it may report for (none: all). */
export interface CheckReporter {
  name: string;
  projects: string[];
}

/**
 * The reporter of a check from its Authorization header. Tester tokens serve both testers
 * and external CI; patchwork's bots send `Token <key>` (Django REST framework's scheme),
 * taken here as `Bearer <key>`.
 */
export async function authenticateReporter(db: Db, request: Request): Promise<CheckReporter> {
  const header = request.headers.get("authorization");
  const normalized = header?.replace(/^\s*token\s+/i, "Bearer ") ?? null;
  const tester = await authenticateTester(db, normalized);
  return { name: tester.name, projects: tester.projects };
}

export function mayReportFor(reporter: CheckReporter, project: string): boolean {
  return reporter.projects.length === 0 || reporter.projects.includes(project);
}

export function forbiddenFor(reporter: CheckReporter, project: string): PatchwatchError {
  return new PatchwatchError(
    "forbidden",
    `the token '${reporter.name}' may not report for project ${project}`,
  );
}
