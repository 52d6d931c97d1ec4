import { PatchwatchError } from "../../errors";
import { isNextBest } from "../../maintainers/who-to-ping";
import {
  classifyLost,
  closedBecause,
  wholeDays,
  type LostVerdict,
  type ReplySignal,
} from "../../series/lost";
import type { Db } from "../client";
import { sqlTimestamp } from "./lost-candidates";
import { APPLIED_RE, COMMENTS_RE, WITHDRAWS_RE, replySignalsSql } from "./reply-signals-sql";
import { decodePosition, encodePosition } from "./walk-current";

export interface QueueRow {
  id: bigint;
  project: string;
  headMsgid: string;
  title: string;
  author: { name: string; email: string };
  version: number;
  total: number;
  date: Date;
  /** Whole days since it was posted. */
  days: number;
  /** Why it is theirs: maintainer, reviewer or next best (a parent directory's maintainer). */
  role: "maintainer" | "reviewer" | "next-best";
  sections: string[];
  status: string | null;
  /** Lost too, and why, when it is. */
  lost: LostVerdict | null;
}

export interface QueueOptions {
  email: string;
  now: Date;
  project?: string;
  role?: "maintainer" | "reviewer";
  /** Only series waiting at least this many days. */
  minDays?: number;
  limit?: number;
  after?: string;
}

export interface QueuePage {
  email: string;
  rows: QueueRow[];
  next: string | null;
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
 * A person's review queue: the current series touching files MAINTAINERS gives them
 * (series_responsible, by address), that they did not send, have not replied to and have
 * not reviewed, oldest first. Withdrawn and applied-by-word series are left out (a page
 * may then be a little short; the cursor still moves on).
 */
export async function maintainerQueue(db: Db, options: QueueOptions): Promise<QueuePage> {
  const email = options.email.trim().toLowerCase();
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new PatchwatchError("bad-request", "limit must be 1 to 200");
  }
  const after = options.after ? decodePosition(options.after) : null;
  const postedBefore =
    options.minDays !== undefined
      ? new Date(options.now.getTime() - options.minDays * 86_400_000)
      : options.now;
  const rows = await db.$queryRawUnsafe<QueueSql[]>(
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
    email,
    sqlTimestamp(postedBefore),
    options.project ?? null,
    options.role ?? null,
    after ? sqlTimestamp(after.date) : "-infinity",
    after ? after.id.toString() : "0",
    APPLIED_RE,
    WITHDRAWS_RE,
    COMMENTS_RE,
    limit + 1,
  );
  const more = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  const out: QueueRow[] = [];
  for (const r of pageRows) {
    const facts = {
      authorEmail: r.author_email,
      date: r.date,
      obsolete: false,
      merged: false,
      reviewed: r.reviewed,
      reviewedAt: null,
      replies: r.replies.map((x) => ({ ...x, date: x.date ? new Date(`${x.date}Z`) : null })),
    };
    if (closedBecause(facts) !== null) continue;
    const settings = {
      lostAfterDays: r.lost_after_days ?? 14,
      reviewedUnmergedDays: r.reviewed_unmerged_days ?? 30,
    };
    const role = isNextBest(r) ? "next-best" : r.role === "reviewer" ? "reviewer" : "maintainer";
    out.push({
      id: BigInt(r.id),
      project: r.project,
      headMsgid: r.head_msgid,
      title: r.title,
      author: { name: r.author_name, email: r.author_email },
      version: r.version,
      total: r.total,
      date: r.date,
      days: wholeDays(r.date, options.now),
      role,
      sections: r.sections,
      status: r.status,
      lost: classifyLost(facts, settings, options.now),
    });
  }
  return {
    email,
    rows: out,
    next: more && last ? encodePosition({ date: last.date, id: BigInt(last.id) }) : null,
  };
}
