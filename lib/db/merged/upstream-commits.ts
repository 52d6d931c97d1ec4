import type { UpstreamLogCommit } from "../../git/upstream-log";
import { bulkInsert } from "../bulk-insert";
import { type Db, inSqlTransaction, prisma } from "../client";

/** An upstream commit as merged detection stores it (upstream_commit): the Message-IDs its trailers name instead of its body. */
export type UpstreamCommitRow = Omit<UpstreamLogCommit, "body"> & { msgids: string[] };

/** Stores commits of a project's upstream branch; a commit already stored is left as it is. */
export async function storeUpstreamCommits(
  db: Db,
  projectId: number,
  commits: readonly UpstreamCommitRow[],
): Promise<void> {
  if (commits.length === 0) return;
  await inSqlTransaction(db, (sql) =>
    bulkInsert(
      sql,
      "upstream_commit",
      ["project_id", "sha", "patch_id", "subject", "author_name", "author_email", "committed_at", "msgids"],
      commits.map((c) => [
        projectId,
        c.sha,
        c.patchId,
        c.subject,
        c.authorName,
        c.authorEmail,
        c.committedAt,
        c.msgids,
      ]),
      "ON CONFLICT (project_id, sha) DO NOTHING",
    ),
  );
}

export interface MergeScanState {
  /** The branch head indexed last time; null before the first scan. */
  head: string | null;
  /**
   * When patches were last matched, in the database's clock, as text: it is only ever
   * compared with series.updated_at inside the database, so it never crosses a time zone.
   */
  at: string | null;
}

export async function mergeScanState(db: Db, projectId: number): Promise<MergeScanState> {
  const [row] = await prisma(db).$queryRawUnsafe<{ head: string | null; at: string | null }[]>(
    `SELECT merge_scanned_head AS head, merge_scanned_at::text AS at FROM git_mirror WHERE project_id = $1`,
    projectId,
  );
  return { head: row?.head ?? null, at: row?.at ?? null };
}

/**
 * Records a finished scan. The applier makes the git_mirror row when it first fetches;
 * without one (the mirror was made some other way) the scan makes it.
 */
export async function recordMergeScan(
  db: Db,
  projectId: number,
  scan: { head: string; at: string; url: string; branch: string },
): Promise<void> {
  await prisma(db).$executeRawUnsafe(
    `INSERT INTO git_mirror (project_id, url, branch, merge_scanned_head, merge_scanned_at)
     VALUES ($1, $2, $3, $4, $5::timestamp)
     ON CONFLICT (project_id) DO UPDATE SET merge_scanned_head = $4, merge_scanned_at = $5::timestamp`,
    projectId,
    scan.url,
    scan.branch,
    scan.head,
    scan.at,
  );
}

/** The database's clock: series.updated_at is written by it, so scans are timed by it too. */
export async function databaseNow(db: Db): Promise<string> {
  const [row] = await prisma(db).$queryRawUnsafe<{ now: string }[]>(
    "SELECT (now() AT TIME ZONE 'UTC')::timestamp(3)::text AS now",
  );
  return row!.now;
}

/** When the oldest series not yet merged was posted: where a first scan of the branch starts. */
export async function oldestUnmergedSeries(db: Db, projectIds: readonly number[]): Promise<Date | null> {
  const [row] = await prisma(db).$queryRawUnsafe<{ oldest: Date | null }[]>(
    `SELECT min(date) AS oldest FROM series WHERE project_id = ANY($1::int[]) AND merged_at IS NULL`,
    projectIds,
  );
  return row?.oldest ?? null;
}
