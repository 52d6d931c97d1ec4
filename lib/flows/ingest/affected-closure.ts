import type { SqlTransaction } from "../../db/client";
import { openClosureStore, type ClosureRow } from "../../db/series/closure-sql";
import { closeOver, type Closure } from "../../series/closure";

export interface SqlClosure extends Closure {
  /** The rows of the closure's messages, as loaded. */
  rows: ClosureRow[];
}

/**
 * The affected closure of `newMessageIds` in a project, plus every message of the
 * project not assembled yet: lib/series/closure.ts decides what to look up, the
 * project's closure store answers. Run it in the caller's transaction, under the
 * project's series lock.
 */
export async function affectedClosure(
  sql: SqlTransaction,
  projectId: number,
  newMessageIds: readonly bigint[],
): Promise<SqlClosure> {
  const { store, unassembled } = await openClosureStore(sql, projectId);
  const closure = await closeOver([...newMessageIds.map(String), ...unassembled], store);
  return { ...closure, rows: store.rowsOf(closure.messages) };
}
