/**
 * Reacts to "message parsed" in bulk (an import, a reprocess, a long catch-up); emits
 * "series updated", and "series complete" for every series that has all its patches.
 */
import { inSqlTransaction, type Db } from "../../db/client";
import { countCompleteSeries } from "../../db/series/count-complete-series";
import { loadProjectFacts } from "../../db/series/load-project-facts";
import { lockProjectSeries } from "../../db/series/lock-project-series";
import { messageFacts, toSeriesMessage } from "../../db/series/series-facts";
import { writeSeriesPlan, type PlanWriteSummary } from "../../db/series/write-series-plan";
import { assembleSeries } from "../../series/assemble";

/**
 * Re-derives every series of a project from its stored messages: load the facts, let
 * the pure assembler decide, write the plan, all in one transaction. Deterministic, so
 * running it twice changes nothing and delivery order never matters.
 * update-project-series.ts does the same for only the part new messages can affect.
 */
export async function rebuildProjectSeries(db: Db, projectId: number): Promise<PlanWriteSummary> {
  return inSqlTransaction(db, async (sql) => {
    await lockProjectSeries(sql, projectId);
    const rows = await loadProjectFacts(sql, projectId);
    const plan = assembleSeries(rows.map(toSeriesMessage));
    return writeSeriesPlan(sql, projectId, plan, messageFacts(rows));
  });
}

/** Rebuilds the series of the named projects; counts the series written and the complete ones. */
export async function rebuildSeriesFor(
  db: Db,
  projectIds: Map<string, number>,
  projectNames: Iterable<string>,
): Promise<{ series: number; complete: number }> {
  const names = [...projectNames];
  let series = 0;
  for (const name of names) {
    const id = projectIds.get(name);
    if (id === undefined) continue;
    series += (await rebuildProjectSeries(db, id)).series;
  }
  const complete = await countCompleteSeries(
    db,
    names.map((n) => projectIds.get(n)).filter((x) => x !== undefined),
  );
  return { series, complete };
}
