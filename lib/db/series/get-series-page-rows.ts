import { latestApplyView, type ApplyView } from "../apply/latest-apply-view";
import { type Db, prisma } from "../client";
import type { MessageRole, TrailerOrigin } from "../generated/client";
import { getSeriesChecks, type SeriesChecks } from "./get-series-checks";
import { loadRevisions, type SeriesRevision } from "./load-revisions";

/** The rows of the series page. Loaded with one query per kind of thing, never one per patch. */

export interface SeriesMessageRow {
  msgid: string;
  subject: string;
  fromName: string;
  fromEmail: string;
  date: Date | null;
  inReplyTo: string | null;
  references: string[];
}

export interface SeriesTrailerRow {
  kind: string;
  key: string;
  name: string | null;
  email: string | null;
  origin: TrailerOrigin;
  senderMismatch: boolean;
  carriedFrom: string | null;
  /** The message the trailer was written in, and who sent it. */
  source: { msgid: string; fromName: string; fromEmail: string };
}

export interface SeriesPatchRow {
  index: number;
  additions: number;
  deletions: number;
  files: string[];
  replaces: string | null;
  message: SeriesMessageRow & {
    title: string;
    commitMessage: string | null;
    diff: string | null;
    /** Its role in this project (at most one row). */
    projects: { role: MessageRole | null; reason: string | null }[];
  };
  trailers: SeriesTrailerRow[];
}

/** The cover letter or a reply, with its role in the project. */
export interface SeriesOtherRow {
  role: MessageRole | null;
  reason: string | null;
  message: SeriesMessageRow & { body: string };
}

export interface SeriesPageRows {
  series: {
    headMsgid: string;
    coverMsgid: string | null;
    subject: string;
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
    obsoletedBy: string | null;
    basedOn: string[];
    baseCommit: string | null;
    changeId: string | null;
    reviewed: boolean;
    mergedAt: Date | null;
  };
  /** The patches in index order, their trailers in the order they were stored. */
  patches: SeriesPatchRow[];
  /** The cover letter and the replies; patch mails are in `patches`, without their bodies twice. */
  others: SeriesOtherRow[];
  /** Every version of the topic, this one included, oldest first. */
  revisions: SeriesRevision[];
  /** The series' messages named by Based-on:, with the series each heads or belongs to. */
  basedOn: {
    message: { msgid: string };
    series: { headMsgid: string; title: string; version: number } | null;
  }[];
  /** The version of each older patch a trailer was carried from, by its Message-ID. */
  carriedVersions: Map<string, number | null>;
  apply: ApplyView | null;
  checks: SeriesChecks;
}

const messageFields = {
  msgid: true,
  subject: true,
  fromName: true,
  fromEmail: true,
  date: true,
  inReplyTo: true,
  references: true,
} as const;

/** The rows of the series headed by `headMsgid` in `project`, or null when there is none. */
export async function getSeriesPageRows(
  db: Db,
  project: string,
  headMsgid: string,
): Promise<SeriesPageRows | null> {
  const s = await prisma(db).series.findFirst({
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
  const [patches, others, revisions, basedOn, apply, checks] = await Promise.all([
    prisma(db).patch.findMany({
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
    prisma(db).projectMessage.findMany({
      where: { seriesId: s.id, projectId: s.projectId, role: { not: "patch" } },
      select: { role: true, reason: true, message: { select: { ...messageFields, body: true } } },
    }),
    loadRevisions(db, s),
    s.basedOn.length === 0
      ? Promise.resolve([])
      : prisma(db).projectMessage.findMany({
          where: { projectId: s.projectId, message: { msgid: { in: s.basedOn } } },
          select: {
            message: { select: { msgid: true } },
            series: { select: { headMsgid: true, title: true, version: true } },
          },
        }),
    latestApplyView(db, s.id),
    getSeriesChecks(db, { id: s.id }),
  ]);

  const carried = [...new Set(patches.flatMap((p) => p.trailers.flatMap((t) => t.carriedFrom ?? [])))];
  const carriedVersions = new Map(
    carried.length === 0
      ? []
      : (
          await prisma(db).message.findMany({
            where: { msgid: { in: carried } },
            select: { msgid: true, version: true },
          })
        ).map((m) => [m.msgid, m.version]),
  );
  return { series: s, patches, others, revisions, basedOn, carriedVersions, apply, checks };
}
