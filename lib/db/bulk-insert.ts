import type pg from "pg";

/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

/**
 * `INSERT INTO table (columns) VALUES (…), (…) <suffix>` in as few statements as the
 * parameter limit allows; returns the rows of any RETURNING clause. Table and column
 * names are ours, never from mail; values always travel as parameters.
 */
export async function bulkInsert<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  suffix = "",
): Promise<R[]> {
  const out: R[] = [];
  if (rows.length === 0) return out;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const columnList = columns.map((c) => `"${c}"`).join(", ");
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((v) => {
        values.push(v);
        return `$${values.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    const result = await sql.query<R>(
      `INSERT INTO "${table}" (${columnList}) VALUES ${tuples.join(", ")} ${suffix}`,
      values,
    );
    out.push(...result.rows);
  }
  return out;
}
