import type pg from "pg";

import { FACTS_COLUMNS, type FactsRow } from "./series-facts";

/** The facts of every message of a project, for a full re-assembly of its series. */
export async function loadProjectFacts(sql: pg.ClientBase, projectId: number): Promise<FactsRow[]> {
  const { rows } = await sql.query<FactsRow>(
    `SELECT ${FACTS_COLUMNS}
     FROM project_message pm JOIN message m ON m.id = pm.message_id
     WHERE pm.project_id = $1`,
    [projectId],
  );
  return rows;
}
