import type { Prisma } from "../client";

/** The stable machine-readable shape of a series (`patchwatch series --json`, the REST API; keys are a contract). */
export interface SeriesJson {
  id: string;
  project: string;
  subject: string;
  author: { name: string; email: string };
  version: number;
  total: number;
  received: number;
  complete: boolean;
  cover: boolean;
  obsoletedBy: string | null;
  basedOn: string | null;
  revisions: string[];
  replies: number;
  reviewed: boolean;
  isRfc: boolean;
  isPull: boolean;
  date: string | null;
  lastActivity: string | null;
  baseCommit: string | null;
  changeId: string | null;
  patches: {
    index: number;
    msgid: string;
    subject: string;
    replaces: string | null;
    trailers: {
      kind: string;
      name: string;
      email: string;
      origin: string;
      from: string;
      senderMismatch: boolean;
    }[];
  }[];
}

/** What a series row must be loaded with to become SeriesJson: its patches, in order, with their trailers. */
export const seriesJsonInclude = {
  project: { select: { name: true } },
  patches: {
    orderBy: { index: "asc" },
    include: {
      message: { select: { msgid: true, subject: true } },
      trailers: { orderBy: { id: "asc" }, include: { source: { select: { msgid: true } } } },
    },
  },
} satisfies Prisma.SeriesInclude;

export type SeriesJsonRow = Prisma.SeriesGetPayload<{ include: typeof seriesJsonInclude }>;

export function toSeriesJson(s: SeriesJsonRow): SeriesJson {
  return {
    id: s.headMsgid,
    project: s.project.name,
    subject: s.title,
    author: { name: s.authorName, email: s.authorEmail },
    version: s.version,
    total: s.total,
    received: s.received,
    complete: s.complete,
    cover: s.coverMsgid !== null,
    obsoletedBy: s.obsoletedBy,
    basedOn: s.basedOn[0] ?? null,
    revisions: s.revisions,
    replies: s.replyCount,
    reviewed: s.reviewed,
    isRfc: s.isRfc,
    isPull: s.isPull,
    date: s.date?.toISOString() ?? null,
    lastActivity: s.lastActivity?.toISOString() ?? null,
    baseCommit: s.baseCommit,
    changeId: s.changeId,
    patches: s.patches.map((p) => ({
      index: p.index,
      msgid: p.message.msgid,
      subject: p.message.subject,
      replaces: p.replaces,
      trailers: p.trailers.map((t) => ({
        kind: t.kind,
        name: t.name ?? "",
        email: t.email ?? "",
        origin: t.origin.replaceAll("_", "-"),
        from: t.source.msgid,
        senderMismatch: t.senderMismatch,
      })),
    })),
  };
}
