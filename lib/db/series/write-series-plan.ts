import type pg from "pg";

import type { SeriesPlan } from "../../series/types";
import { bulkInsert } from "../bulk-insert";

export interface PlanWriteSummary {
  series: number;
  created: number;
  removed: number;
  patches: number;
  trailers: number;
  revisionLinks: number;
}

export interface MessageFacts {
  id: bigint;
  diffStat: {
    additions: number;
    deletions: number;
    files: { oldPath: string | null; newPath: string | null }[];
  } | null;
}

const roleOf = {
  cover: "cover",
  patch: "patch",
  reply: "reply",
  "not-a-patch": "not_a_patch",
  duplicate: "duplicate",
} as const;

const SERIES_COLUMNS = [
  "project_id",
  "head_msgid",
  "cover_msgid",
  "subject",
  "title",
  "author_name",
  "author_email",
  "version",
  "total",
  "received",
  "complete",
  "is_rfc",
  "is_pull",
  "date",
  "last_activity",
  "reply_count",
  "topic_key",
  "obsoleted_by",
  "revisions",
  "based_on",
  "base_commit",
  "change_id",
  "reviewed",
] as const;

const UPDATE_SERIES = SERIES_COLUMNS.filter((c) => c !== "project_id" && c !== "head_msgid")
  .map((c) => `"${c}" = EXCLUDED."${c}"`)
  .join(", ");

function touchedFiles(stat: MessageFacts["diffStat"]): string[] {
  const files = new Set<string>();
  for (const f of stat?.files ?? []) {
    if (f.newPath) files.add(f.newPath);
    if (f.oldPath) files.add(f.oldPath);
  }
  return [...files];
}

/**
 * Writes an assembly plan for one project, inside the caller's transaction: series rows
 * are kept by (project, head Message-ID) so their ids survive re-derivation; patches,
 * trailers, revision links and message roles are replaced wholesale.
 *
 * Without `scope` the plan is the whole project: every other series is removed. With
 * `scope` (ids of the series the plan replaces: lib/flows/ingest/update-project-series.ts),
 * only those not in the plan are removed and every other series is left alone; only the
 * messages in `messages` are classified.
 */
export async function writeSeriesPlan(
  sql: pg.ClientBase,
  projectId: number,
  plan: SeriesPlan,
  messages: Map<string, MessageFacts>,
  scope?: readonly bigint[],
): Promise<PlanWriteSummary> {
  const heads = plan.series.map((s) => s.headMsgid);
  const removed = scope
    ? await sql.query(
        "DELETE FROM series WHERE project_id = $1 AND id = ANY($3::bigint[]) AND NOT (head_msgid = ANY($2::text[]))",
        [projectId, heads, scope],
      )
    : await sql.query("DELETE FROM series WHERE project_id = $1 AND NOT (head_msgid = ANY($2::text[]))", [
        projectId,
        heads,
      ]);
  const before = await sql.query<{ n: string }>(
    "SELECT count(*) AS n FROM series WHERE project_id = $1 AND head_msgid = ANY($2::text[])",
    [projectId, heads],
  );

  const upserted = await bulkInsert<{ id: string; head_msgid: string }>(
    sql,
    "series",
    SERIES_COLUMNS,
    plan.series.map((s) => [
      projectId,
      s.headMsgid,
      s.coverMsgid,
      s.subject,
      s.title,
      s.author?.name ?? "",
      s.author?.email ?? "",
      s.version,
      s.total,
      s.patches.length,
      s.complete,
      s.isRfc,
      s.isPull,
      s.date,
      s.lastActivity,
      s.replyMsgids.length,
      s.topicKey,
      s.obsoletedBy,
      s.revisions,
      s.basedOn,
      s.baseCommit,
      s.changeId,
      s.reviewed,
    ]),
    `ON CONFLICT (project_id, head_msgid) DO UPDATE SET ${UPDATE_SERIES}, updated_at = now() RETURNING id, head_msgid`,
  );
  const idByHead = new Map(upserted.map((r) => [r.head_msgid, r.id]));
  const seriesIds = [...idByHead.values()];

  await sql.query("DELETE FROM patch WHERE series_id = ANY($1::bigint[])", [seriesIds]);
  const patchRows: unknown[][] = [];
  for (const s of plan.series) {
    for (const p of s.patches) {
      const m = messages.get(p.msgid);
      if (!m) continue;
      patchRows.push([
        idByHead.get(s.headMsgid),
        m.id,
        p.index,
        p.replaces,
        m.diffStat?.additions ?? 0,
        m.diffStat?.deletions ?? 0,
        touchedFiles(m.diffStat),
      ]);
    }
  }
  const patches = await bulkInsert<{ id: string; series_id: string; index: number }>(
    sql,
    "patch",
    ["series_id", "message_id", "index", "replaces", "additions", "deletions", "files"],
    patchRows,
    'RETURNING id, series_id, "index"',
  );
  const patchId = new Map(patches.map((p) => [`${p.series_id}:${p.index}`, p.id]));

  const trailerRows: unknown[][] = [];
  for (const s of plan.series) {
    for (const p of s.patches) {
      const id = patchId.get(`${idByHead.get(s.headMsgid)}:${p.index}`);
      if (id === undefined) continue;
      for (const t of p.trailers) {
        const source = messages.get(t.fromMsgid);
        if (!source) continue;
        trailerRows.push([
          id,
          source.id,
          t.kind,
          t.key,
          t.person?.name ?? null,
          t.person?.email ?? null,
          t.line,
          t.origin.replaceAll("-", "_"),
          t.senderMismatch,
          t.carriedFrom,
        ]);
      }
    }
  }
  await bulkInsert(
    sql,
    "trailer",
    [
      "patch_id",
      "source_id",
      "kind",
      "key",
      "name",
      "email",
      "line",
      "origin",
      "sender_mismatch",
      "carried_from",
    ],
    trailerRows,
  );

  await sql.query(
    "DELETE FROM revision_link WHERE older_id = ANY($1::bigint[]) OR newer_id = ANY($1::bigint[])",
    [seriesIds],
  );
  const linkRows = plan.revisionLinks
    .map((l) => [idByHead.get(l.older), idByHead.get(l.newer), l.reason, l.detail])
    .filter((r) => r[0] !== undefined && r[1] !== undefined);
  await bulkInsert(
    sql,
    "revision_link",
    ["older_id", "newer_id", "reason", "detail"],
    linkRows,
    "ON CONFLICT DO NOTHING",
  );

  const ids: bigint[] = [];
  const roles: string[] = [];
  const reasons: string[] = [];
  const seriesOf: (string | null)[] = [];
  for (const c of plan.classifications) {
    const m = messages.get(c.msgid);
    if (!m) continue;
    ids.push(m.id);
    roles.push(roleOf[c.role]);
    reasons.push(c.reason);
    const head = c.role === "cover" || c.role === "patch" || c.role === "reply" ? c.series : null;
    seriesOf.push(head ? (idByHead.get(head) ?? null) : null);
  }
  await sql.query(
    `UPDATE project_message pm SET role = u.role::"MessageRole", reason = u.reason, series_id = u.series_id
     FROM unnest($2::bigint[], $3::text[], $4::text[], $5::bigint[]) AS u(message_id, role, reason, series_id)
     WHERE pm.project_id = $1 AND pm.message_id = u.message_id`,
    [projectId, ids, roles, reasons, seriesOf],
  );

  return {
    series: plan.series.length,
    created: plan.series.length - Number(before.rows[0]?.n ?? 0),
    removed: removed.rowCount ?? 0,
    patches: patchRows.length,
    trailers: trailerRows.length,
    revisionLinks: linkRows.length,
  };
}
