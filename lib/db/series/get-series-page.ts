import { threadOrder } from "../../series/thread-order";
import { isReviewKey } from "../../series/trailers";
import { latestApplyView, type ApplyView } from "../apply/latest-apply-view";
import type { Db } from "../client";
import type { MessageRole, TrailerOrigin } from "../generated/client";
import { getSeriesChecks, type SeriesChecks } from "./get-series-checks";
import { loadRevisions, type SeriesRevision } from "./load-revisions";

/** What the series page shows. Loaded with one query per kind of thing, never one per patch. */

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

const messageFields = {
  msgid: true,
  subject: true,
  fromName: true,
  fromEmail: true,
  date: true,
  inReplyTo: true,
  references: true,
} as const;

export async function getSeriesPage(db: Db, project: string, headMsgid: string): Promise<SeriesPage | null> {
  const s = await db.series.findFirst({
    where: { project: { name: project }, headMsgid },
    select: {
      id: true,
      projectId: true,
      headMsgid: true,
      coverMsgid: true,
      subject: true,
      title: true,
      authorName: true,
      authorEmail: true,
      version: true,
      total: true,
      received: true,
      complete: true,
      isRfc: true,
      isPull: true,
      date: true,
      lastActivity: true,
      replyCount: true,
      obsoletedBy: true,
      revisions: true,
      basedOn: true,
      baseCommit: true,
      changeId: true,
      reviewed: true,
      mergedAt: true,
    },
  });
  if (!s) return null;
  const [patchRows, others, revisions, basedOn, apply, checks] = await Promise.all([
    db.patch.findMany({
      where: { seriesId: s.id },
      orderBy: { index: "asc" },
      select: {
        index: true,
        additions: true,
        deletions: true,
        files: true,
        replaces: true,
        message: {
          select: {
            ...messageFields,
            title: true,
            commitMessage: true,
            diff: true,
            projects: { where: { projectId: s.projectId }, select: { role: true, reason: true } },
          },
        },
        trailers: {
          orderBy: { id: "asc" },
          select: {
            kind: true,
            key: true,
            name: true,
            email: true,
            origin: true,
            senderMismatch: true,
            carriedFrom: true,
            source: { select: { msgid: true, fromName: true, fromEmail: true } },
          },
        },
      },
    }),
    // The cover letter and the replies; patch mails come above, without their bodies twice.
    db.projectMessage.findMany({
      where: { seriesId: s.id, projectId: s.projectId, role: { not: "patch" } },
      select: { role: true, reason: true, message: { select: { ...messageFields, body: true } } },
    }),
    loadRevisions(db, s),
    s.basedOn.length === 0
      ? Promise.resolve([])
      : db.projectMessage.findMany({
          where: { projectId: s.projectId, message: { msgid: { in: s.basedOn } } },
          select: {
            message: { select: { msgid: true } },
            series: { select: { headMsgid: true, title: true, version: true } },
          },
        }),
    latestApplyView(db, s.id),
    getSeriesChecks(db, { id: s.id }),
  ]);

  const carried = [...new Set(patchRows.flatMap((p) => p.trailers.flatMap((t) => t.carriedFrom ?? [])))];
  const carriedVersions = new Map(
    carried.length === 0
      ? []
      : (
          await db.message.findMany({
            where: { msgid: { in: carried } },
            select: { msgid: true, version: true },
          })
        ).map((m) => [m.msgid, m.version]),
  );
  const author = s.authorEmail.toLowerCase();
  const patches: SeriesPagePatch[] = patchRows.map((p) => ({
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
      carriedFromVersion: t.carriedFrom ? (carriedVersions.get(t.carriedFrom) ?? null) : null,
    })),
    reviewed: p.trailers.some((t) => isReviewKey(t.key) && (t.email ?? "").toLowerCase() !== author),
    role: p.message.projects[0]?.role ?? null,
    reason: p.message.projects[0]?.reason ?? null,
  }));

  const coverRow = others.find((o) => o.role === "cover" && o.message.msgid === s.coverMsgid);
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

  const newer = s.obsoletedBy ? revisions.find((r) => r.headMsgid === s.obsoletedBy) : undefined;

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
      patchRows.map((p) => ({ ...p.message, index: p.index })),
      others,
    ),
    revisions,
    basedOn: s.basedOn.map((msgid) => ({
      msgid,
      series: basedOn.find((b) => b.message.msgid === msgid)?.series ?? null,
    })),
    apply,
    checks,
  };
}

type ThreadRow = { msgid: string; inReplyTo: string | null; references: string[]; date: Date | null };

/** The replies in thread order, each placed under the cover letter or patch it discusses. */
function replyThread(
  patchMessages: (ThreadRow & { index: number })[],
  others: {
    role: MessageRole | null;
    reason: string | null;
    message: ThreadRow & { subject: string; body: string; fromName: string; fromEmail: string };
  }[],
): SeriesPageMessage[] {
  const about = new Map<string, SeriesPageMessage["about"]>();
  for (const m of patchMessages) about.set(m.msgid, { kind: "patch", index: m.index });
  for (const o of others) if (o.role === "cover") about.set(o.message.msgid, { kind: "cover" });
  const replies = new Map(others.filter((o) => o.role !== "cover").map((o) => [o.message.msgid, o]));
  // Each message takes the cover letter or patch nearest above it, and its depth below that.
  const anchor = new Map<string, { about: SeriesPageMessage["about"]; depth: number }>();
  const out: SeriesPageMessage[] = [];
  for (const place of threadOrder([...patchMessages, ...others.map((o) => o.message)])) {
    const own = about.get(place.msgid);
    const above = place.parent ? anchor.get(place.parent) : undefined;
    anchor.set(
      place.msgid,
      own !== undefined ? { about: own, depth: place.depth + 1 } : (above ?? { about: null, depth: 0 }),
    );
    const r = replies.get(place.msgid);
    if (own !== undefined || !r) continue;
    const { about: topic, depth } = anchor.get(place.msgid)!;
    out.push({
      msgid: r.message.msgid,
      parentMsgid: place.parent,
      depth: place.depth - depth,
      about: topic,
      author: person(r.message),
      date: r.message.date,
      subject: r.message.subject,
      body: r.message.body,
      role: r.role,
      reason: r.reason,
    });
  }
  return out;
}
