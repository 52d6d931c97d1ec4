import type { ApplyView } from "../../db/apply/latest-apply-view";
import type { MessageRole, TrailerOrigin } from "../../db/client";
import type { Db } from "../../db/client";
import type { SeriesChecks } from "../../db/series/get-series-checks";
import {
  getSeriesPageRows,
  type SeriesPageRows,
  type SeriesPatchRow,
} from "../../db/series/get-series-page-rows";
import type { SeriesRevision } from "../../db/series/load-revisions";
import { isReviewKey } from "../../series/trailers";
import { replyThread } from "./reply-thread";

/** What the series page shows of one series. */

export interface PersonRef {
  name: string;
  email: string;
}

export interface SeriesPageTrailer {
  kind: string;
  name: string;
  email: string;
  origin: TrailerOrigin;
  /** The message the trailer was written in, and who sent it. */
  fromMsgid: string;
  fromName: string;
  /** The sender is not the person the trailer names. */
  senderMismatch: boolean;
  /** The patch of an older version it was carried from, and that version. */
  carriedFrom: string | null;
  carriedFromVersion: number | null;
}

export interface SeriesPagePatch {
  index: number;
  msgid: string;
  subject: string;
  title: string;
  author: PersonRef;
  date: Date | null;
  commitMessage: string;
  diff: string;
  additions: number;
  deletions: number;
  files: string[];
  /** The patch a partial reroll replaced. */
  replaces: string | null;
  trailers: SeriesPageTrailer[];
  /** Has a Reviewed-by or Acked-by from someone other than the series author. */
  reviewed: boolean;
  role: MessageRole | null;
  reason: string | null;
}

export interface SeriesPageMessage {
  msgid: string;
  /** The message it answers within the series, or null. */
  parentMsgid: string | null;
  /** Depth below the cover letter or patch it belongs to (0 = answers it directly). */
  depth: number;
  /** What the reply is about: the cover letter, a patch (by index), or neither. */
  about: { kind: "cover" } | { kind: "patch"; index: number } | null;
  author: PersonRef;
  date: Date | null;
  subject: string;
  body: string;
  role: MessageRole | null;
  reason: string | null;
}

export type SeriesPageApply = ApplyView;

export interface SeriesPage {
  project: string;
  headMsgid: string;
  subject: string;
  title: string;
  author: PersonRef;
  version: number;
  total: number;
  received: number;
  complete: boolean;
  isRfc: boolean;
  isPull: boolean;
  date: Date | null;
  lastActivity: Date | null;
  replyCount: number;
  reviewed: boolean;
  reviewedPatches: number;
  obsoletedBy: { headMsgid: string; version: number | null } | null;
  mergedAt: Date | null;
  baseCommit: string | null;
  changeId: string | null;
  cover: Omit<SeriesPageMessage, "parentMsgid" | "depth" | "about"> | null;
  patches: SeriesPagePatch[];
  /** Replies in thread order. */
  thread: SeriesPageMessage[];
  /** Every version of the topic, this one included, oldest first. */
  revisions: SeriesRevision[];
  basedOn: { msgid: string; series: { headMsgid: string; title: string; version: number } | null }[];
  /** The latest attempt to apply the series (workers/apply.ts). */
  apply: SeriesPageApply | null;
  /** Every test and check reported, by context, latest first; and the test jobs. */
  checks: SeriesChecks;
}

const person = (m: { fromName: string; fromEmail: string }): PersonRef => ({
  name: m.fromName,
  email: m.fromEmail,
});

/** The series headed by `headMsgid` in `project`, as its page shows it, or null when there is none. */
export async function getSeriesPage(db: Db, project: string, headMsgid: string): Promise<SeriesPage | null> {
  const rows = await getSeriesPageRows(db, project, headMsgid);
  return rows ? seriesPageOf(project, rows) : null;
}

/**
 * A patch is reviewed on the page when a Reviewed-by or Acked-by names someone other than the
 * series author (lib/series/review.ts decides the same for the whole series).
 */
function patchReviewed(patch: SeriesPatchRow, authorEmail: string): boolean {
  const author = authorEmail.toLowerCase();
  return patch.trailers.some((t) => isReviewKey(t.key) && (t.email ?? "").toLowerCase() !== author);
}

function patchOf(p: SeriesPatchRow, rows: SeriesPageRows): SeriesPagePatch {
  return {
    index: p.index,
    msgid: p.message.msgid,
    subject: p.message.subject,
    title: p.message.title,
    author: person(p.message),
    date: p.message.date,
    commitMessage: p.message.commitMessage ?? "",
    diff: p.message.diff ?? "",
    additions: p.additions,
    deletions: p.deletions,
    files: p.files,
    replaces: p.replaces,
    trailers: p.trailers.map((t) => ({
      kind: t.kind,
      name: t.name ?? "",
      email: t.email ?? "",
      origin: t.origin,
      fromMsgid: t.source.msgid,
      fromName: t.source.fromName || t.source.fromEmail,
      senderMismatch: t.senderMismatch,
      carriedFrom: t.carriedFrom,
      carriedFromVersion: t.carriedFrom ? (rows.carriedVersions.get(t.carriedFrom) ?? null) : null,
    })),
    reviewed: patchReviewed(p, rows.series.authorEmail),
    role: p.message.projects[0]?.role ?? null,
    reason: p.message.projects[0]?.reason ?? null,
  };
}

function seriesPageOf(project: string, rows: SeriesPageRows): SeriesPage {
  const s = rows.series;
  const patches = rows.patches.map((p) => patchOf(p, rows));
  const coverRow = rows.others.find((o) => o.role === "cover" && o.message.msgid === s.coverMsgid);
  const cover = coverRow
    ? {
        msgid: coverRow.message.msgid,
        author: person(coverRow.message),
        date: coverRow.message.date,
        subject: coverRow.message.subject,
        body: coverRow.message.body,
        role: coverRow.role,
        reason: coverRow.reason,
      }
    : null;
  const newer = s.obsoletedBy ? rows.revisions.find((r) => r.headMsgid === s.obsoletedBy) : undefined;
  return {
    project,
    headMsgid: s.headMsgid,
    subject: s.subject,
    title: s.title,
    author: { name: s.authorName, email: s.authorEmail },
    version: s.version,
    total: s.total,
    received: s.received,
    complete: s.complete,
    isRfc: s.isRfc,
    isPull: s.isPull,
    date: s.date,
    lastActivity: s.lastActivity,
    replyCount: s.replyCount,
    reviewed: s.reviewed,
    reviewedPatches: patches.filter((p) => p.reviewed).length,
    obsoletedBy: s.obsoletedBy ? { headMsgid: s.obsoletedBy, version: newer?.version ?? null } : null,
    mergedAt: s.mergedAt,
    baseCommit: s.baseCommit,
    changeId: s.changeId,
    cover,
    patches,
    thread: replyThread(
      rows.patches.map((p) => ({ ...p.message, index: p.index })),
      rows.others,
    ),
    revisions: rows.revisions,
    basedOn: s.basedOn.map((msgid) => ({
      msgid,
      series: rows.basedOn.find((b) => b.message.msgid === msgid)?.series ?? null,
    })),
    apply: rows.apply,
    checks: rows.checks,
  };
}
