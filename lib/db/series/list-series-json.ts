import type { Db } from "../client";

/** The stable machine-readable listing of `patchwatch series --json` (keys are a contract). */
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

export async function listSeriesJson(db: Db, projectName: string): Promise<SeriesJson[]> {
  const series = await db.series.findMany({
    where: { project: { name: projectName } },
    orderBy: [{ date: "asc" }, { headMsgid: "asc" }],
    include: {
      project: { select: { name: true } },
      patches: {
        orderBy: { index: "asc" },
        include: {
          message: { select: { msgid: true, subject: true } },
          trailers: { orderBy: { id: "asc" }, include: { source: { select: { msgid: true } } } },
        },
      },
    },
  });
  return series.map((s) => ({
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
  }));
}
