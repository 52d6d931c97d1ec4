/**
 * Reacts to "message parsed" (messages written to a project); emits "series updated",
 * and "series complete" for a series whose last patch arrived.
 */
import { inSqlTransaction, type Db } from "../../db/client";
import { lockProjectSeries } from "../../db/series/lock-project-series";
import { messageFacts } from "../../db/series/series-facts";
import { writeSeriesPlan, type PlanWriteSummary } from "../../db/series/write-series-plan";
import { assembleSeries } from "../../series/assemble";
import { affectedClosure } from "./affected-closure";

export interface SeriesUpdateSummary extends PlanWriteSummary {
  /** Messages re-assembled: the affected closure of the new ones. */
  closure: number;
  /** Lookup rounds the closure took. */
  rounds: number;
  /** Milliseconds spent finding the closure, assembling it and writing the plan. */
  ms: { closure: number; assemble: number; write: number };
}

/**
 * Brings a project's series up to date after `newMessageIds` were written (and any
 * message of the project left unassembled), re-deriving only what they can affect:
 * the affected closure (lib/series/closure.ts) is assembled alone, and the series that
 * intersect it, by member or reply, are replaced by the plan's. The database ends up
 * exactly as rebuildProjectSeries would leave it, provided it held a full assembly of
 * the other messages before. One transaction, under the same per-project lock as the
 * rebuild. In the summary, `series` counts the series written, not the project's.
 */
export async function updateProjectSeries(
  db: Db,
  projectId: number,
  newMessageIds: readonly bigint[],
): Promise<SeriesUpdateSummary> {
  return inSqlTransaction(db, async (sql) => {
    await lockProjectSeries(sql, projectId);
    let started = performance.now();
    const closure = await affectedClosure(sql, projectId, newMessageIds);
    const ms = { closure: performance.now() - started, assemble: 0, write: 0 };
    if (closure.rows.length === 0) {
      const nothing = { series: 0, created: 0, removed: 0, patches: 0, trailers: 0, revisionLinks: 0 };
      return { ...nothing, closure: 0, rounds: closure.rounds, ms };
    }
    started = performance.now();
    const plan = assembleSeries(closure.messages.map((m) => m.msg));
    ms.assemble = performance.now() - started;
    started = performance.now();
    const scope = [...new Set(closure.messages.flatMap((m) => (m.seriesId === null ? [] : [m.seriesId])))];
    const written = await writeSeriesPlan(
      sql,
      projectId,
      plan,
      messageFacts(closure.rows),
      scope.map(BigInt),
    );
    ms.write = performance.now() - started;
    return { ...written, closure: closure.rows.length, rounds: closure.rounds, ms };
  });
}
