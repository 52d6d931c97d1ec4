import { assembleSeries } from "../../series/assemble";
import { inSqlTransaction, type Db } from "../client";
import { FACTS_COLUMNS, messageFacts, SERIES_LOCK, toSeriesMessage, type FactsRow } from "./series-facts";
import { writeSeriesPlan, type PlanWriteSummary } from "./write-series-plan";

/**
 * Re-derives every series of a project from its stored messages: load the facts, let
 * the pure assembler decide, write the plan, all in one transaction. Deterministic, so
 * running it twice changes nothing and delivery order never matters.
 * update-project-series.ts does the same for only the part new messages can affect.
 */
export async function rebuildProjectSeries(db: Db, projectId: number): Promise<PlanWriteSummary> {
  return inSqlTransaction(db, async (sql) => {
    // Serialise rebuilds of one project (several importers may finish at once).
    await sql.query("SELECT pg_advisory_xact_lock($1, $2)", [SERIES_LOCK, projectId]);
    const { rows } = await sql.query<FactsRow>(
      `SELECT ${FACTS_COLUMNS}
       FROM project_message pm JOIN message m ON m.id = pm.message_id
       WHERE pm.project_id = $1`,
      [projectId],
    );
    const plan = assembleSeries(rows.map(toSeriesMessage));
    return writeSeriesPlan(sql, projectId, plan, messageFacts(rows));
  });
}
