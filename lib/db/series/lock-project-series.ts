import type pg from "pg";

import { LOCKS } from "../locks";

/**
 * Serialises series assembly of one project until the caller's transaction ends: several
 * importers and processors may finish at once, and each plan replaces series the others'
 * would too.
 */
export async function lockProjectSeries(sql: pg.ClientBase, projectId: number): Promise<void> {
  await sql.query("SELECT pg_advisory_xact_lock($1, $2)", [LOCKS.seriesAssembly, projectId]);
}
