import type { ReplySignal } from "../../series/lost";
import { type Db, prisma } from "../client";
import { sqlTimestamp, type CandidatePosition } from "./lost-candidates";
import { APPLIED_RE, COMMENTS_RE, WITHDRAWS_RE, replySignalsSql } from "./reply-signals-sql";

/** A series in a person's review queue, with the facts lost detection reads. */
export interface ReviewQueueRow {
  id: bigint;
  project: string;
  headMsgid: string;
  title: string;
  authorName: string;
  authorEmail: string;
  version: number;
  total: number;
  date: Date;
  reviewed: boolean;
  /** The series_responsible role: maintainer or reviewer. */
  role: string;
  sections: string[];
  status: string | null;
  /** The project's settings, when set. */
  lostAfterDays: number | null;
  reviewedUnmergedDays: number | null;
  replies: ReplySignal[];
}

interface QueueSql {
  id: bigint;
  project: string;
  head_msgid: string;
  title: string;
  author_name: string;
  author_email: string;
  version: number;
  total: number;
  date: Date;
  reviewed: boolean;
  role: string;
  sections: string[];
  status: string | null;
  lost_after_days: number | null;
  reviewed_unmerged_days: number | null;
  replies: (Omit<ReplySignal, "date"> & { date: string | null })[];
}

/**
 * The current series touching files MAINTAINERS gives `email` (series_responsible, by
 * address, lower-cased), that they did not send, have not replied to and have not
 * reviewed, posted by `postedBefore`, oldest first from `after`, `limit` of them.
 */
export async function reviewQueueRows(
  db: Db,
  options: {
    email: string;
    postedBefore: Date;
    project?: string | undefined;
    role?: "maintainer" | "reviewer" | undefined;
    after: CandidatePosition | null;
    limit: number;
  },
): Promise<ReviewQueueRow[]> {
  const rows = await prisma(db).$queryRawUnsafe<QueueSql[]>(
    `SELECT s.id, p.name AS project, s.head_msgid, s.title, s.author_name, s.author_email, s.version, s.total,
            s.date, s.reviewed, r.role, r.sections, r.status,
            (p.settings->>'lostAfterDays')::int AS lost_after_days,
            (p.settings->>'reviewedUnmergedDays')::int AS reviewed_unmerged_days,
            ${replySignalsSql({ applied: "$7", withdraws: "$8", comments: "$9" })} AS replies
       FROM series_responsible r
       JOIN series s ON s.id = r.series_id
       JOIN project p ON p.id = s.project_id
      WHERE r.email = $1 AND r.role <> 'list'
        AND s.obsoleted_by IS NULL AND s.merged_at IS NULL AND s.date IS NOT NULL
        AND s.date <= $2::timestamp AND lower(s.author_email) <> $1
        AND ($3::text IS NULL OR p.name = $3)
        AND ($4::text IS NULL OR r.role = $4)
        AND (s.date, s.id) > ($5::timestamp, $6::bigint)
        AND NOT EXISTS (SELECT 1 FROM project_message pm JOIN message m ON m.id = pm.message_id
                         WHERE pm.series_id = s.id AND lower(m.from_email) = $1)
        AND NOT EXISTS (SELECT 1 FROM patch pa JOIN trailer t ON t.patch_id = pa.id
                         WHERE pa.series_id = s.id AND lower(t.email) = $1
                           AND t.key IN ('reviewed-by', 'acked-by'))
      ORDER BY s.date, s.id
      LIMIT $10`,
    options.email,
    sqlTimestamp(options.postedBefore),
    options.project ?? null,
    options.role ?? null,
    options.after ? sqlTimestamp(options.after.date) : "-infinity",
    options.after ? options.after.id.toString() : "0",
    APPLIED_RE,
    WITHDRAWS_RE,
    COMMENTS_RE,
    options.limit,
  );
  return rows.map((r) => ({
    id: BigInt(r.id),
    project: r.project,
    headMsgid: r.head_msgid,
    title: r.title,
    authorName: r.author_name,
    authorEmail: r.author_email,
    version: r.version,
    total: r.total,
    date: r.date,
    reviewed: r.reviewed,
    role: r.role,
    sections: r.sections,
    status: r.status,
    lostAfterDays: r.lost_after_days,
    reviewedUnmergedDays: r.reviewed_unmerged_days,
    // json_build_object writes timestamps without a zone; they are UTC.
    replies: r.replies.map((x) => ({ ...x, date: x.date ? new Date(`${x.date}Z`) : null })),
  }));
}
