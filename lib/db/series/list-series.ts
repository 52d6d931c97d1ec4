import { z } from "zod";

import { PatchwatchError } from "../../errors";
import { parseQuery } from "../../query/parser";
import { toSql } from "../../query/to-sql";
import { type Db, prisma } from "../client";
import { decodePageCursor, encodePageCursor } from "../page-cursor";

/** One line of the series list: only what the list shows (never bodies or diffs). */
export interface SeriesListRow {
  id: bigint;
  project: string;
  headMsgid: string;
  /** The subject without prefixes. */
  title: string;
  authorName: string;
  authorEmail: string;
  version: number;
  total: number;
  received: number;
  complete: boolean;
  isRfc: boolean;
  isPull: boolean;
  date: Date | null;
  lastActivity: Date | null;
  replyCount: number;
  /** Patches with a Reviewed-by or Acked-by from someone other than the author. */
  reviewedPatches: number;
  reviewed: boolean;
  obsoletedBy: string | null;
  obsoletedByVersion: number | null;
  mergedAt: Date | null;
  /** The status of the latest apply_result (workers/apply.ts). */
  apply: { status: string } | null;
  /**
   * The latest result of each test context (of the series or one of its patches): how many
   * passed, failed (failedOnBase of them fail on the branch head as well) or are pending.
   */
  tests: { passed: number; failed: number; failedOnBase: number; pending: number } | null;
}

export interface SeriesListPage {
  rows: SeriesListRow[];
  /** Opaque keyset cursor for the following page; null on the last one. */
  next: string | null;
}

export interface ListSeriesOptions {
  /** Exactly these projects (subprojects are not included); all projects when absent. */
  projects?: string[];
  /** A search in the query language (lib/query/help.ts). */
  query?: string;
  /** The `next` of the previous page. */
  after?: string;
  limit?: number;
  /** The clock for `age:` terms. */
  now: Date;
}

export const DEFAULT_LIMIT = 50;
/** A page is one screen of a dense list; more than this is a scrape, not a read. */
export const MAX_LIMIT = 500;

/** The cursor is the sort key of the last row shown: (last activity, id) (lib/db/page-cursor). */
const cursorSchema = z.object({
  a: z.iso.datetime().nullable(),
  i: z.string().regex(/^[1-9][0-9]{0,18}$/),
});
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(row: SeriesListRow): string {
  const cursor: Cursor = { a: row.lastActivity?.toISOString() ?? null, i: row.id.toString() };
  return encodePageCursor(cursor);
}

function decodeCursor(text: string): Cursor {
  return decodePageCursor(text, cursorSchema);
}

const optionsSchema = z.object({
  projects: z.array(z.string()).optional(),
  query: z.string().optional(),
  after: z.string().optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  now: z.date(),
});

interface ListRowSql {
  id: bigint;
  project: string;
  head_msgid: string;
  title: string;
  author_name: string;
  author_email: string;
  version: number;
  total: number;
  received: number;
  complete: boolean;
  is_rfc: boolean;
  is_pull: boolean;
  date: Date | null;
  last_activity: Date | null;
  reply_count: number;
  reviewed_patches: number;
  reviewed: boolean;
  obsoleted_by: string | null;
  obsoleted_by_version: number | null;
  merged_at: Date | null;
  apply_status: string | null;
  tests_passed: number | null;
  tests_failed: number | null;
  tests_failed_on_base: number | null;
  tests_pending: number | null;
}

/**
 * NULLS LAST in a descending order is the same as sorting a missing last activity as
 * -infinity, and with that the keyset condition is one row comparison that the index
 * series_list_order_idx (migration 20261129020000_search) serves.
 */
const SORT_KEY = `coalesce(s.last_activity, '-infinity'::timestamp)`;

/** Test states that count as a pass or a failure (testers and external CI report these). */
const PASSED = `('success', 'passed', 'pass')`;
const FAILED = `('failure', 'failed', 'fail', 'error')`;
/** A failure the commit under the series shares ("fails on master too"); an error is no test result. */
const FAILED_TEST = `('failure', 'failed', 'fail')`;
const PENDING = `('pending', 'queued', 'running')`;

/**
 * The statement listSeries runs, with its values; separate so that a benchmark or an
 * EXPLAIN can look at it. Throws bad-request for a bad search or cursor.
 */
export function listSeriesSql(options: ListSeriesOptions): { text: string; values: unknown[] } | null {
  const checked = optionsSchema.safeParse(options);
  if (!checked.success) {
    throw new PatchwatchError("bad-request", `invalid listing options: ${checked.error.issues[0]?.message}`);
  }
  const { projects, query, after, now } = checked.data;
  const limit = checked.data.limit ?? DEFAULT_LIMIT;
  if (projects && projects.length === 0) return null;

  const where: string[] = [];
  const values: unknown[] = [];
  if (query && query.trim() !== "") {
    const parsed = parseQuery(query);
    if (!parsed.ok) {
      throw new PatchwatchError(
        "bad-request",
        `invalid search at position ${parsed.position + 1}: ${parsed.message}`,
      );
    }
    const fragment = toSql(parsed.query, { now, firstParam: 1 });
    where.push(`(${fragment.text})`);
    values.push(...fragment.values);
  }
  if (projects?.length === 1) {
    // One project (its page): an equality with a known value lets PostgreSQL walk
    // series_project_list_order_idx, already in list order, and stop after one page.
    values.push(projects[0]);
    where.push(`s.project_id = (SELECT id FROM project WHERE name = $${values.length})`);
  } else if (projects) {
    values.push(projects);
    where.push(
      `s.project_id = ANY(ARRAY(SELECT id FROM project WHERE name = ANY($${values.length}::text[])))`,
    );
  }
  if (after) {
    const cursor = decodeCursor(after);
    values.push(cursor.a === null ? "-infinity" : cursor.a.replace(/Z$/, ""), cursor.i);
    where.push(`(${SORT_KEY}, s.id) < ($${values.length - 1}::timestamp, $${values.length}::bigint)`);
  }
  values.push(limit + 1);

  // The page is chosen first (the search, the order, the limit) and only its rows get
  // the per-row subqueries, so they run `limit` times whatever the search scanned.
  const text = `WITH page AS (
      SELECT s.id, s.project_id, s.head_msgid, s.title, s.author_name, s.author_email, s.version, s.total,
             s.received, s.complete, s.is_rfc, s.is_pull, s.date, s.last_activity, s.reply_count, s.reviewed,
             s.obsoleted_by, s.merged_at
        FROM series s
      ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY ${SORT_KEY} DESC, s.id DESC
      LIMIT $${values.length})
    SELECT s.id, p.name AS project, s.head_msgid, s.title, s.author_name, s.author_email,
           s.version, s.total, s.received, s.complete, s.is_rfc, s.is_pull, s.date, s.last_activity,
           s.reply_count, s.reviewed, s.obsoleted_by, s.merged_at,
           (SELECT o.version FROM series o
             WHERE o.project_id = s.project_id AND o.head_msgid = s.obsoleted_by) AS obsoleted_by_version,
           (SELECT count(*)::int FROM patch pa
             WHERE pa.series_id = s.id
               AND EXISTS (SELECT 1 FROM trailer t
                            WHERE t.patch_id = pa.id AND t.key IN ('reviewed-by', 'acked-by')
                              AND t.email IS NOT NULL AND lower(t.email) <> lower(s.author_email))
           ) AS reviewed_patches,
           (SELECT ar.status FROM apply_result ar
             WHERE ar.series_id = s.id ORDER BY ar.created_at DESC, ar.id DESC LIMIT 1) AS apply_status,
           tr.passed AS tests_passed, tr.failed AS tests_failed,
           tr.failed_on_base AS tests_failed_on_base, tr.pending AS tests_pending
      FROM page s
      JOIN project p ON p.id = s.project_id
      LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE latest.state IN ${PASSED})::int AS passed,
               count(*) FILTER (WHERE latest.state IN ${FAILED})::int AS failed,
               count(*) FILTER (WHERE latest.state IN ${FAILED_TEST}
                                  AND latest.base_state IN ${FAILED_TEST})::int AS failed_on_base,
               count(*) FILTER (WHERE latest.state IN ${PENDING})::int AS pending
          FROM (SELECT DISTINCT ON (r.context, r.patch_id) r.state, r.base_state FROM test_result r
                 WHERE r.series_id = s.id
                 ORDER BY r.context, r.patch_id, r.created_at DESC, r.id DESC) latest
        HAVING count(*) > 0
      ) tr ON true
     ORDER BY ${SORT_KEY} DESC, s.id DESC`;
  return { text, values };
}

/** Series, newest activity first, filtered by project and query, one keyset page at a time. */
export async function listSeries(db: Db, options: ListSeriesOptions): Promise<SeriesListPage> {
  const statement = listSeriesSql(options);
  if (!statement) return { rows: [], next: null };
  const limit = options.limit ?? DEFAULT_LIMIT;
  const rows = await prisma(db).$queryRawUnsafe<ListRowSql[]>(statement.text, ...statement.values);
  const page = rows.slice(0, limit).map(toRow);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? encodeCursor(last) : null };
}

function toRow(r: ListRowSql): SeriesListRow {
  return {
    id: BigInt(r.id),
    project: r.project,
    headMsgid: r.head_msgid,
    title: r.title,
    authorName: r.author_name,
    authorEmail: r.author_email,
    version: r.version,
    total: r.total,
    received: r.received,
    complete: r.complete,
    isRfc: r.is_rfc,
    isPull: r.is_pull,
    date: r.date,
    lastActivity: r.last_activity,
    replyCount: r.reply_count,
    reviewedPatches: r.reviewed_patches,
    reviewed: r.reviewed,
    obsoletedBy: r.obsoleted_by,
    obsoletedByVersion: r.obsoleted_by_version,
    mergedAt: r.merged_at,
    apply: r.apply_status === null ? null : { status: r.apply_status },
    tests:
      r.tests_passed === null
        ? null
        : {
            passed: r.tests_passed,
            failed: r.tests_failed ?? 0,
            failedOnBase: r.tests_failed_on_base ?? 0,
            pending: r.tests_pending ?? 0,
          },
  };
}
