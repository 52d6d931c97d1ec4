import type pg from "pg";

import { LOOSE_WINDOW_MS } from "../../series/cluster-loose";
import type { ClosureLookup, ClosureMessage, ClosureStore } from "../../series/closure";
import { FACTS_COLUMNS, toSeriesMessage, type FactsRow } from "./series-facts";

/**
 * The lookups of the affected closure of new messages (lib/series/closure.ts decides
 * what to look up) answered by SQL: each part of a lookup is one index scan (unique
 * msgid, in_reply_to, the GIN indexes on "references" and hint_msgids,
 * project_message.series_id, series by topic key or change-id, the partial index of
 * loose fragments), and the facts of the messages found come back in the same query.
 */
export interface ClosureRow extends FactsRow {
  series_id: string | null;
}

/**
 * The project's messages matching a lookup, other than the known ones, with their facts.
 * Lookups that depend on a row found first (the messages of a series found by topic,
 * the loose neighbours of a probe, the message and project row of each id found) are
 * LATERAL subqueries with OFFSET 0, so that they stay index probes per row: the
 * planner's estimates for array overlaps and partial indexes are poor, and a hash join
 * it might pick instead would scan the project.
 */
const FIND = `
WITH found(id) AS (
  SELECT id FROM message WHERE msgid = ANY($1::text[])
  UNION SELECT id FROM message WHERE in_reply_to = ANY($2::text[])
  UNION SELECT id FROM message WHERE "references" && $2::text[]
  UNION SELECT id FROM message WHERE hint_msgids && $3::text[]
  UNION SELECT message_id FROM project_message WHERE series_id = ANY($4::bigint[])
  UNION SELECT pm.message_id
        FROM (SELECT id FROM series WHERE project_id = $8 AND topic_key = ANY($5::text[])
              UNION SELECT id FROM series WHERE project_id = $8 AND change_id = ANY($6::text[])) s
        CROSS JOIN LATERAL (SELECT message_id FROM project_message WHERE series_id = s.id OFFSET 0) pm
  UNION SELECT n.id
        FROM message p
        CROSS JOIN LATERAL (
          SELECT m.id FROM message m
          WHERE loose_sender_key(m.from_email) = loose_sender_key(p.from_email)
            AND (m.date BETWEEN p.date - $9::float8 * interval '1 millisecond'
                            AND p.date + $9::float8 * interval '1 millisecond')
            AND coalesce(m."references"[1], m.in_reply_to, '') = '' AND m.kind IN ('patch', 'cover', 'pull')
          OFFSET 0) n
        WHERE p.id = ANY($7::bigint[])
  UNION SELECT n.id
        FROM message p
        CROSS JOIN LATERAL (
          SELECT m.id FROM message m
          WHERE loose_sender_key(m.from_email) = loose_sender_key(p.from_email) AND m.date IS NULL
            AND coalesce(m."references"[1], m.in_reply_to, '') = '' AND m.kind IN ('patch', 'cover', 'pull')
          OFFSET 0) n
        WHERE p.id = ANY($7::bigint[]) AND p.date IS NULL
)
SELECT ${FACTS_COLUMNS}, pm.series_id
FROM found f
CROSS JOIN LATERAL (SELECT * FROM message WHERE id = f.id OFFSET 0) m
CROSS JOIN LATERAL (SELECT series_id FROM project_message WHERE project_id = $8 AND message_id = f.id OFFSET 0) pm
WHERE NOT (f.id = ANY($10::bigint[]))`;

const LOAD = `
SELECT ${FACTS_COLUMNS}, pm.series_id
FROM project_message pm JOIN message m ON m.id = pm.message_id
WHERE pm.project_id = $1 AND pm.message_id = ANY($2::bigint[])`;

/** A closure store over one project's rows, inside the caller's transaction; keeps every row it loaded. */
export class SqlClosureStore implements ClosureStore {
  readonly rows = new Map<string, ClosureRow>();

  constructor(
    private readonly sql: pg.ClientBase,
    private readonly projectId: number,
  ) {}

  async load(keys: readonly string[]): Promise<ClosureMessage[]> {
    if (keys.length === 0) return [];
    return this.keep((await this.sql.query<ClosureRow>(LOAD, [this.projectId, keys])).rows);
  }

  async find(q: ClosureLookup, known: ReadonlySet<string>): Promise<ClosureMessage[]> {
    const { rows } = await this.sql.query<ClosureRow>(FIND, [
      q.named,
      q.cited,
      q.hinted,
      q.seriesIds,
      q.topicKeys,
      q.changeIds,
      q.loose,
      this.projectId,
      LOOSE_WINDOW_MS,
      [...known],
    ]);
    return this.keep(rows);
  }

  /** The rows of these messages, as loaded. */
  rowsOf(messages: readonly ClosureMessage[]): ClosureRow[] {
    return messages.map((m) => this.rows.get(m.key)!);
  }

  private keep(rows: ClosureRow[]): ClosureMessage[] {
    for (const r of rows) this.rows.set(r.id, r);
    return rows.map((r) => ({ key: r.id, msg: toSeriesMessage(r), seriesId: r.series_id }));
  }
}

/**
 * A closure store over one project, and the messages of the project not assembled yet
 * (role still null: written by an import that stopped before assembling), which every
 * update takes in with the new ones. Open it in a transaction (it turns jit and
 * sequential scans off for the rest of it), under the project's series lock, in READ
 * COMMITTED.
 */
export async function openClosureStore(
  sql: pg.ClientBase,
  projectId: number,
): Promise<{ store: SqlClosureStore; unassembled: string[] }> {
  // Every lookup here is an index probe by design, but the planner's estimates for an
  // overlap with hundreds of Message-IDs are poor enough that it would rather scan the
  // whole message table (half a second at 24,000 messages), and its cost estimates can
  // pass jit_above_cost, where compiling takes longer than running. The writes of the
  // plan that follow are index probes too.
  await sql.query("SET LOCAL jit = off");
  await sql.query("SET LOCAL enable_seqscan = off");
  const pending = await sql.query<{ message_id: string }>(
    "SELECT message_id FROM project_message WHERE project_id = $1 AND role IS NULL",
    [projectId],
  );
  return { store: new SqlClosureStore(sql, projectId), unassembled: pending.rows.map((r) => r.message_id) };
}
