// Reacts to: a request for a person's review queue (the maintainer page, the API, the
// weekly digest). Decides from series_responsible, replies and reviews; emits nothing (a read).

import type { Db } from "../../db/client";
import { reviewQueueRows } from "../../db/lost/review-queue-rows";
import { decodePosition, encodePosition } from "../../db/lost/series-position";
import { PatchwatchError } from "../../errors";
import { isNextBest } from "../../maintainers/who-to-ping";
import { classifyLost, closedBecause, wholeDays, type LostVerdict } from "../../series/lost";

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
  const rows = await reviewQueueRows(db, {
    email,
    postedBefore,
    project: options.project,
    role: options.role,
    after,
    limit: limit + 1,
  });
  const more = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  const out: QueueRow[] = [];
  for (const r of pageRows) {
    const facts = {
      authorEmail: r.authorEmail,
      date: r.date,
      obsolete: false,
      merged: false,
      reviewed: r.reviewed,
      reviewedAt: null,
      replies: r.replies,
    };
    if (closedBecause(facts) !== null) continue;
    const settings = {
      lostAfterDays: r.lostAfterDays ?? 14,
      reviewedUnmergedDays: r.reviewedUnmergedDays ?? 30,
    };
    const role = isNextBest(r) ? "next-best" : r.role === "reviewer" ? "reviewer" : "maintainer";
    out.push({
      id: r.id,
      project: r.project,
      headMsgid: r.headMsgid,
      title: r.title,
      author: { name: r.authorName, email: r.authorEmail },
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
    next: more && last ? encodePosition({ date: last.date, id: last.id }) : null,
  };
}
