import { type Db, prisma } from "../client";

/**
 * Everything series assembly derives for a project, as sorted rows without database ids
 * or timestamps, so two databases (or one before and after a rebuild) can be compared
 * row by row. Rows are JSON strings; trailers keep their order within a patch.
 */
export interface DerivedState {
  series: string[];
  patches: string[];
  trailers: string[];
  revisionLinks: string[];
  messages: string[];
}

export async function derivedState(db: Db, project: string): Promise<DerivedState> {
  const rows = async (query: string) =>
    (await prisma(db).$queryRawUnsafe<Record<string, unknown>[]>(query, project)).map((r) =>
      JSON.stringify(r, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
    );
  const inProject = "(SELECT id FROM project WHERE name = $1)";
  return {
    series: await rows(
      `SELECT head_msgid, cover_msgid, subject, title, author_name, author_email, version, total, received,
              complete, is_rfc, is_pull, date, last_activity, reply_count, topic_key, obsoleted_by, revisions,
              based_on, base_commit, change_id, reviewed, merged_at
       FROM series WHERE project_id = ${inProject} ORDER BY head_msgid`,
    ),
    patches: await rows(
      `SELECT s.head_msgid, m.msgid, p.index, p.replaces, p.additions, p.deletions, p.files
       FROM patch p JOIN series s ON s.id = p.series_id JOIN message m ON m.id = p.message_id
       WHERE s.project_id = ${inProject} ORDER BY s.head_msgid, p.index`,
    ),
    trailers: await rows(
      `SELECT s.head_msgid, p.index, m.msgid AS source, t.kind, t.key, t.name, t.email, t.line,
              t.origin::text AS origin, t.sender_mismatch, t.carried_from
       FROM trailer t JOIN patch p ON p.id = t.patch_id JOIN series s ON s.id = p.series_id
       JOIN message m ON m.id = t.source_id
       WHERE s.project_id = ${inProject} ORDER BY s.head_msgid, p.index, t.id`,
    ),
    revisionLinks: await rows(
      `SELECT o.head_msgid AS older, n.head_msgid AS newer, l.reason, l.detail
       FROM revision_link l JOIN series o ON o.id = l.older_id JOIN series n ON n.id = l.newer_id
       WHERE o.project_id = ${inProject} OR n.project_id = ${inProject} ORDER BY 1, 2`,
    ),
    messages: await rows(
      `SELECT m.msgid, pm.role::text AS role, pm.reason, s.head_msgid AS series
       FROM project_message pm JOIN message m ON m.id = pm.message_id
       LEFT JOIN series s ON s.id = pm.series_id
       WHERE pm.project_id = ${inProject} ORDER BY m.msgid`,
    ),
  };
}

/** A short account of how two states differ (empty when they are equal): rows only in one, per table. */
export function stateDifferences(a: DerivedState, b: DerivedState, limit = 5): string[] {
  const out: string[] = [];
  for (const table of Object.keys(a) as (keyof DerivedState)[]) {
    const left = a[table];
    const right = b[table];
    if (left.length === right.length && left.every((r, i) => r === right[i])) continue;
    const inRight = new Set(right);
    const inLeft = new Set(left);
    const onlyLeft = left.filter((r) => !inRight.has(r));
    const onlyRight = right.filter((r) => !inLeft.has(r));
    out.push(
      `${table}: ${left.length} vs ${right.length} rows, ${onlyLeft.length} only in the first, ${onlyRight.length} only in the second`,
    );
    for (const r of onlyLeft.slice(0, limit)) out.push(`  - ${r}`);
    for (const r of onlyRight.slice(0, limit)) out.push(`  + ${r}`);
    if (onlyLeft.length === 0 && onlyRight.length === 0) out.push("  (same rows, another order)");
  }
  return out;
}
