import type { LostFacts, ReplySignal } from "../../series/lost";
import { type Db, prisma } from "../client";
import { APPLIED_RE, COMMENTS_RE, WITHDRAWS_RE, replySignalsSql } from "./reply-signals-sql";

/** A current series with the facts lost detection reads. */
export interface LostCandidate {
  id: bigint;
  headMsgid: string;
  coverMsgid: string | null;
  subject: string;
  title: string;
  authorName: string;
  authorEmail: string;
  version: number;
  total: number;
  received: number;
  revisions: string[];
  facts: LostFacts;
}

interface CandidateSql {
  id: bigint;
  head_msgid: string;
  cover_msgid: string | null;
  subject: string;
  title: string;
  author_name: string;
  author_email: string;
  version: number;
  total: number;
  received: number;
  date: Date | null;
  reviewed: boolean;
  revisions: string[];
  reviewed_at: Date | null;
  replies: {
    email: string;
    name: string;
    date: string | null;
    automated: boolean;
    review: boolean;
    comments: boolean;
    applied: boolean;
    withdraws: boolean;
  }[];
}

/** Keyset position in the walk: the last series seen, by (posting date, id), newest first. */
export interface CandidatePosition {
  date: Date;
  id: bigint;
}

/**
 * The text of the candidate walk: current series of one project (latest revision, not
 * merged) posted before `postedBefore`, newest first from `after`, `limit` of them, with
 * their reply signals (`extraWhere`, SQL on `s`, narrows the walk) and when the last patch got its first review. The walk follows
 * series_current_date_idx; only the `limit` rows chosen get the per-series subqueries.
 */
export const candidatesSql = (extraWhere = "") => `
  WITH page AS (
    SELECT s.id, s.head_msgid, s.cover_msgid, s.subject, s.title, s.author_name, s.author_email, s.version,
           s.total, s.received, s.date, s.reviewed, s.revisions
      FROM series s
     WHERE s.project_id = $1 AND s.obsoleted_by IS NULL AND s.merged_at IS NULL
       AND s.date <= $2::timestamp AND (s.date, s.id) < ($3::timestamp, $4::bigint) ${extraWhere}
     ORDER BY s.date DESC, s.id DESC
     LIMIT $5)
  SELECT s.*,
         ${replySignalsSql({ applied: "$6", withdraws: "$7", comments: "$8" })} AS replies,
         (SELECT max(first_review) FROM (
             SELECT min(src.date) AS first_review
               FROM patch pa JOIN trailer t ON t.patch_id = pa.id JOIN message src ON src.id = t.source_id
              WHERE pa.series_id = s.id AND t.key IN ('reviewed-by', 'acked-by')
                AND t.email IS NOT NULL AND lower(t.email) <> lower(s.author_email)
              GROUP BY pa.id) firsts
           WHERE s.reviewed) AS reviewed_at
    FROM page s
   ORDER BY s.date DESC, s.id DESC`;

/**
 * A series is orphaned when its people were computed from MAINTAINERS and no file it
 * touches has a maintainer who looks after it as a duty: every `maintainer` row (the
 * next-best rows of parent directories and the catch-all THE REST aside) has the status
 * Orphan, Odd Fixes or Obsolete, or there is none.
 */
const ORPHANED_WHERE = `AND s.responsible_blob IS NOT NULL
       AND NOT EXISTS (
         SELECT 1 FROM series_responsible r
          WHERE r.series_id = s.id AND r.role = 'maintainer'
            AND coalesce(r.sections[1], '') NOT LIKE 'parent directory: %'
            AND coalesce(r.sections[1], '') <> 'THE REST'
            AND coalesce(r.status, '') !~* '^\\s*(orphan|odd\\s*fix|obsolete)')`;

/** A UTC `timestamp` (the columns have no zone) as PostgreSQL reads it. */
export const sqlTimestamp = (date: Date) => date.toISOString().replace(/Z$/, "");

export function candidateValues(
  projectId: number,
  postedBefore: Date,
  after: CandidatePosition | null,
  limit: number,
): unknown[] {
  // 'infinity' starts the walk at the newest series.
  const fromDate = after ? sqlTimestamp(after.date) : "infinity";
  const fromId = after ? after.id.toString() : "9223372036854775807";
  return [
    projectId,
    sqlTimestamp(postedBefore),
    fromDate,
    fromId,
    limit,
    APPLIED_RE,
    WITHDRAWS_RE,
    COMMENTS_RE,
  ];
}

export async function lostCandidates(
  db: Db,
  projectId: number,
  postedBefore: Date,
  after: CandidatePosition | null,
  limit: number,
  which: "all" | "orphaned" = "all",
): Promise<LostCandidate[]> {
  const rows = await prisma(db).$queryRawUnsafe<CandidateSql[]>(
    candidatesSql(which === "orphaned" ? ORPHANED_WHERE : ""),
    ...candidateValues(projectId, postedBefore, after, limit),
  );
  return rows.map(toCandidate);
}

function toCandidate(r: CandidateSql): LostCandidate {
  const replies: ReplySignal[] = r.replies.map((x) => ({
    ...x,
    // json_build_object writes timestamps without a zone; they are UTC.
    date: x.date ? new Date(`${x.date}Z`) : null,
  }));
  return {
    id: BigInt(r.id),
    headMsgid: r.head_msgid,
    coverMsgid: r.cover_msgid,
    subject: r.subject,
    title: r.title,
    authorName: r.author_name,
    authorEmail: r.author_email,
    version: r.version,
    total: r.total,
    received: r.received,
    revisions: r.revisions,
    facts: {
      authorEmail: r.author_email,
      date: r.date,
      obsolete: false,
      merged: false,
      reviewed: r.reviewed,
      reviewedAt: r.reviewed_at,
      replies,
    },
  };
}
