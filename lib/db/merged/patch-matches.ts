import type {
  CommitToMatch,
  MergeHow,
  PatchMatch,
  PatchToMatch,
  SeriesMergeState,
  SeriesPatchState,
} from "../../series/merge-match";
import { type Db, prisma } from "../client";

/**
 * Merged detection's rows: the patches not yet matched and the indexed upstream commits
 * that could have taken them (same patch-id, a trailer naming the mail, or the same
 * subject — joined in PostgreSQL, so only candidates travel), and the matches written back
 * on patches and series. lib/series/merge-match.ts decides (lib/flows/merged/match-merged.ts).
 */
export interface MergeScope {
  /** The project whose upstream_commit rows are searched (the tree's owner). */
  ownerId: number;
  /** The projects whose series are matched (the owner and the subprojects on its tree). */
  projectIds: readonly number[];
  /** Only these commits (the ones just indexed); all of the owner's when absent. */
  commitShas?: readonly string[] | undefined;
  /** Only the patches of series written since (database time, as text). */
  seriesUpdatedSince?: string | undefined;
}

export interface MergeCandidates {
  patches: (PatchToMatch & { seriesId: bigint })[];
  commits: CommitToMatch[];
}

/** normalizeTitle (lib/mail/subject.ts) in SQL, close enough to pair candidates; TypeScript decides. */
const titleKey = (column: string) => `rtrim(btrim(regexp_replace(lower(${column}), '\\s+', ' ', 'g')), '. ')`;

function candidatePairsSql(): string {
  return `WITH p AS (
      SELECT pt.id, pt.series_id, m.msgid, m.patch_id, m.title, m.from_email, m.from_name, m.date
        FROM patch pt JOIN series s ON s.id = pt.series_id JOIN message m ON m.id = pt.message_id
       WHERE s.project_id = ANY($2::int[]) AND pt.merged_commit IS NULL
         AND ($4::timestamp IS NULL OR s.updated_at >= $4::timestamp)
    ), c AS (
      SELECT * FROM upstream_commit
       WHERE project_id = $1 AND ($3::text[] IS NULL OR sha = ANY($3::text[]))
    ), pairs AS (
      SELECT p.id AS patch, c.sha FROM p JOIN c ON c.patch_id = p.patch_id
      UNION
      SELECT p.id, c.sha FROM c CROSS JOIN LATERAL unnest(c.msgids) AS named(msgid) JOIN p ON p.msgid = named.msgid
      UNION
      SELECT p.id, c.sha FROM p JOIN c ON ${titleKey("c.subject")} = ${titleKey("p.title")}
    )`;
}

export async function loadMergeCandidates(db: Db, scope: MergeScope): Promise<MergeCandidates> {
  const params = [
    scope.ownerId,
    scope.projectIds,
    scope.commitShas ?? null,
    scope.seriesUpdatedSince ?? null,
  ] as const;
  const patchRows = await prisma(db).$queryRawUnsafe<
    {
      id: bigint;
      series_id: bigint;
      msgid: string;
      patch_id: string | null;
      title: string;
      from_email: string;
      from_name: string;
      date: Date | null;
    }[]
  >(`${candidatePairsSql()} SELECT p.* FROM p WHERE p.id IN (SELECT patch FROM pairs)`, ...params);
  const commitRows = await prisma(db).$queryRawUnsafe<
    {
      sha: string;
      patch_id: string | null;
      subject: string;
      author_name: string;
      author_email: string;
      committed_at: Date | null;
      msgids: string[];
    }[]
  >(`${candidatePairsSql()} SELECT c.* FROM c WHERE c.sha IN (SELECT sha FROM pairs)`, ...params);
  return {
    patches: patchRows.map((r) => ({
      key: String(r.id),
      seriesId: BigInt(r.series_id),
      msgid: r.msgid,
      patchId: r.patch_id,
      title: r.title,
      authorEmail: r.from_email,
      authorName: r.from_name,
      postedAt: r.date,
    })),
    commits: commitRows.map((r) => ({
      sha: r.sha,
      patchId: r.patch_id,
      subject: r.subject,
      authorName: r.author_name,
      authorEmail: r.author_email,
      committedAt: r.committed_at,
      msgids: r.msgids,
    })),
  };
}

/** Records on each patch the commit that took it, when and how. */
export async function recordPatchMatches(db: Db, found: Map<string, PatchMatch>): Promise<void> {
  if (found.size === 0) return;
  const entries = [...found.entries()];
  await prisma(db).$executeRawUnsafe(
    `UPDATE patch SET merged_commit = u.sha, merged_at = u.at, merged_how = u.how
       FROM unnest($1::bigint[], $2::text[], $3::timestamp[], $4::text[]) AS u(id, sha, at, how)
      WHERE patch.id = u.id`,
    entries.map(([key]) => BigInt(key)),
    entries.map(([, m]) => m.sha),
    entries.map(([, m]) => m.at?.toISOString() ?? null),
    entries.map(([, m]) => m.how),
  );
}

/** The patches of these series with their matches, per series (keyed by id as a string). */
export async function loadSeriesPatchStates(
  db: Db,
  seriesIds: readonly bigint[],
): Promise<Map<string, SeriesPatchState[]>> {
  const bySeries = new Map<string, SeriesPatchState[]>();
  if (seriesIds.length === 0) return bySeries;
  const rows = await prisma(db).$queryRawUnsafe<
    {
      series_id: bigint;
      index: number;
      title: string;
      merged_commit: string | null;
      merged_at: Date | null;
      merged_how: string | null;
    }[]
  >(
    `SELECT pt.series_id, pt.index, m.title, pt.merged_commit, pt.merged_at, pt.merged_how
       FROM patch pt JOIN message m ON m.id = pt.message_id
      WHERE pt.series_id = ANY($1::bigint[])`,
    seriesIds,
  );
  for (const r of rows) {
    const key = String(r.series_id);
    const patch: SeriesPatchState = {
      index: r.index,
      title: r.title,
      match: r.merged_commit
        ? { sha: r.merged_commit, at: r.merged_at, how: (r.merged_how ?? "patch-id") as MergeHow }
        : null,
    };
    bySeries.set(key, [...(bySeries.get(key) ?? []), patch]);
  }
  return bySeries;
}

/**
 * Writes merged_at, merged_commits and merge_note of these series. updated_at is left
 * alone: it means "the series was written", which is what the next scan looks for.
 */
export async function writeSeriesMergeStates(
  db: Db,
  states: readonly { seriesId: bigint; state: SeriesMergeState }[],
): Promise<void> {
  if (states.length === 0) return;
  await prisma(db).$executeRawUnsafe(
    `UPDATE series SET merged_at = coalesce(u.at, series.merged_at, now()), merged_commits = string_to_array(u.commits, ' '),
            merge_note = u.note
       FROM unnest($1::bigint[], $2::timestamp[], $3::text[], $4::text[]) AS u(id, at, commits, note)
      WHERE series.id = u.id`,
    states.map((s) => s.seriesId),
    states.map((s) => s.state.mergedAt?.toISOString() ?? null),
    // An array of arrays does not travel as a parameter; the commits go as one text each.
    states.map((s) => s.state.commits.join(" ")),
    states.map((s) => s.state.note),
  );
}
