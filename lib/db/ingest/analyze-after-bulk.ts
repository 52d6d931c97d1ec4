import { type Db, prisma } from "../client";

/** Messages written by one import from which its tables get fresh planner statistics. */
export const ANALYZE_AFTER_MESSAGES = 5000;

/**
 * Fresh statistics after a bulk import, as pg_restore users run ANALYZE: until autovacuum
 * gets to them, the planner takes the new rows for a handful, and a search that should
 * start from a few recent series scans every matching patch instead (200 ms against 9 ms
 * for `dfn:tst_test.c age:<1y` on 500,000 messages). A few hundred ms a table at most:
 * ANALYZE reads a sample, not the table.
 */
export async function analyzeAfterBulkImport(db: Db): Promise<void> {
  await prisma(db).$executeRawUnsafe(
    `ANALYZE raw_message, message, project_message, person_email, series, patch, trailer, revision_link`,
  );
}
