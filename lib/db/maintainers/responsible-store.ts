import type { ResponsibleEntry } from "../../maintainers/responsible";
import { bulkInsert } from "../bulk-insert";
import { type Db, inSqlTransaction, prisma } from "../client";

/** What series_responsible is computed from, per series. */
export interface SeriesTouched {
  id: bigint;
  /** The series' updated_at when read, as PostgreSQL writes it: the rows are for this state of the series. */
  updatedAt: string;
  /** Every file its patches touch (patch.files), sorted. */
  files: string[];
  /** Its patches' diffs, one after the other, for K: keywords (cut at MAX_PATCH_TEXT). */
  patch: string;
}

/** Diff text read per series for K: keywords; a larger series is matched on its first part. */
export const MAX_PATCH_TEXT = 4 * 1024 * 1024;

/**
 * The series of `projectIds` whose responsible people are to be (re)computed against
 * `blob`, by id after `afterId`: never computed; rewritten since they were (a late patch
 * changes the files); or computed from another blob while still open (latest revision,
 * not merged). Closed series keep the answer of the blob they were computed from.
 */
export async function findSeriesToCompute(
  db: Db,
  projectIds: readonly number[],
  blob: string,
  afterId: bigint,
  limit: number,
): Promise<bigint[]> {
  const rows = await prisma(db).$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT id FROM series
      WHERE project_id = ANY($1::int[]) AND id > $3::bigint
        AND (responsible_blob IS NULL
             OR responsible_updated_at IS DISTINCT FROM updated_at
             OR (responsible_blob <> $2 AND obsoleted_by IS NULL AND merged_at IS NULL))
      ORDER BY id LIMIT $4::int`,
    projectIds,
    blob,
    afterId,
    limit,
  );
  return rows.map((r) => r.id);
}

/** The touched files and diffs of some series, in one query. */
export async function loadSeriesTouched(db: Db, ids: readonly bigint[]): Promise<SeriesTouched[]> {
  if (ids.length === 0) return [];
  const rows = await prisma(db).$queryRawUnsafe<
    { id: bigint; updated_at: string; files: string[] | null; patch: string | null }[]
  >(
    `SELECT s.id, s.updated_at::text AS updated_at,
            (SELECT array_agg(DISTINCT f ORDER BY f) FROM patch p, unnest(p.files) AS f WHERE p.series_id = s.id) AS files,
            (SELECT left(string_agg(coalesce(m.diff, ''), E'\\n' ORDER BY p.index), $2::int)
               FROM patch p JOIN message m ON m.id = p.message_id WHERE p.series_id = s.id) AS patch
       FROM series s WHERE s.id = ANY($1::bigint[]) ORDER BY s.id`,
    ids,
    MAX_PATCH_TEXT,
  );
  return rows.map((r) => ({ id: r.id, updatedAt: r.updated_at, files: r.files ?? [], patch: r.patch ?? "" }));
}

/**
 * Replaces the responsible rows of each series and records the blob and series state
 * they were computed for, in one transaction. A series rewritten meanwhile keeps a newer
 * updated_at than the one recorded, and is computed again on the next round.
 */
export async function writeResponsible(
  db: Db,
  blob: string,
  results: readonly { id: bigint; updatedAt: string; entries: readonly ResponsibleEntry[] }[],
): Promise<number> {
  if (results.length === 0) return 0;
  return inSqlTransaction(db, async (sql) => {
    const ids = results.map((r) => r.id.toString());
    await sql.query("DELETE FROM series_responsible WHERE series_id = ANY($1::bigint[])", [ids]);
    const rows = results.flatMap((r) =>
      r.entries.map((e) => [r.id.toString(), e.email, e.name, e.role, e.sections, e.status, e.rank]),
    );
    // Rows only for the series still there, locked until the rows are in: a series
    // removed by a rebuild meanwhile has nothing to point at.
    const present = await sql.query<{ id: string }>(
      "SELECT id::text FROM series WHERE id = ANY($1::bigint[]) FOR UPDATE",
      [ids],
    );
    const keep = new Set(present.rows.map((p) => p.id));
    await bulkInsert(
      sql,
      "series_responsible",
      ["series_id", "email", "name", "role", "sections", "status", "rank"],
      rows.filter((row) => keep.has(row[0] as string)),
    );
    await sql.query(
      `UPDATE series s SET responsible_blob = $1, responsible_updated_at = v.updated_at
         FROM unnest($2::bigint[], $3::timestamp[]) AS v(id, updated_at) WHERE s.id = v.id`,
      [blob, ids, results.map((r) => r.updatedAt)],
    );
    return rows.filter((row) => keep.has(row[0] as string)).length;
  });
}

/** The MAINTAINERS blob the project's tree has now, or why it has none (git_mirror of the tree's owner). */
export async function recordMaintainersState(
  db: Db,
  ownerId: number,
  state: { blob: string } | { error: string },
): Promise<{ blobChanged: boolean }> {
  const before = await prisma(db).gitMirror.findUnique({
    where: { projectId: ownerId },
    select: { maintainersBlob: true },
  });
  if (!before) return { blobChanged: false };
  const blob = "blob" in state ? state.blob : null;
  const error = "error" in state ? state.error.slice(0, 1000) : null;
  await prisma(db).$executeRawUnsafe(
    "UPDATE git_mirror SET maintainers_blob = $2, maintainers_error = $3 WHERE project_id = $1",
    ownerId,
    blob,
    error,
  );
  return { blobChanged: before.maintainersBlob !== blob };
}

/** With no MAINTAINERS left in the tree, open series lose the rows of the last one. */
export async function clearOpenResponsible(db: Db, projectIds: readonly number[]): Promise<number> {
  return inSqlTransaction(db, async (sql) => {
    const cleared = await sql.query<{ id: string }>(
      `UPDATE series SET responsible_blob = NULL, responsible_updated_at = NULL
        WHERE project_id = ANY($1::int[]) AND responsible_blob IS NOT NULL
          AND obsoleted_by IS NULL AND merged_at IS NULL
        RETURNING id::text`,
      [projectIds],
    );
    if (cleared.rows.length > 0)
      await sql.query("DELETE FROM series_responsible WHERE series_id = ANY($1::bigint[])", [
        cleared.rows.map((r) => r.id),
      ]);
    return cleared.rows.length;
  });
}
