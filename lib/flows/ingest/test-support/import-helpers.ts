import fs from "node:fs";
import path from "node:path";

import { parseProjectsFile, type ProjectConfig } from "../../../config/projects-file";
import type { Db } from "../../../db/client";
import { syncProjects } from "../../../db/projects/sync-projects";
import { prismaForTests } from "../../../db/test-support/prisma-for-tests";
import { openMessageSource } from "../../../mbox/open-source";
import { importMessages } from "../import-messages";
import type { ImportSummary } from "../import-summary";
import { inlineParser } from "../parse-pool";
import { rebuildSeriesFor } from "../rebuild-project-series";

export const fixtures = {
  patchew: path.resolve(__dirname, "../../../mail/__fixtures__/patchew"),
  patchwork: path.resolve(__dirname, "../../../mail/__fixtures__/patchwork"),
  ltp: path.resolve(__dirname, "../../../../prisma/seed/ltp-2025-09..2026-03.mbox.gz"),
};

export function patchewProjects(): ProjectConfig[] {
  const file = path.resolve(__dirname, "../__fixtures__/patchew-projects.json");
  return parseProjectsFile(fs.readFileSync(file, "utf8"), file).projects;
}

/** Empties every table, for tests that need a clean slate between cases. */
export async function truncateAll(db: Db): Promise<void> {
  await prismaForTests(db).$executeRawUnsafe(
    `TRUNCATE trailer, patch, revision_link, apply_result, test_result, project_message, series, message, raw_message, person_email, person, project RESTART IDENTITY CASCADE`,
  );
}

/** Imports files in order (each message routed by its addresses unless importInto is given), then assembles series. */
export async function importFiles(
  db: Db,
  files: string[],
  projects: ProjectConfig[],
  importInto?: string,
): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const file of files) {
    summaries.push(
      await importMessages(openMessageSource(file), {
        db,
        projects,
        parser: inlineParser(),
        importInto,
        skipSeries: true,
      }),
    );
  }
  await rebuildSeriesFor(
    db,
    await syncProjects(db, projects),
    projects.map((p) => p.name),
  );
  return summaries;
}
