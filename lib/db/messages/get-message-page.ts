import { type Db, prisma } from "../client";
import type { MessageKind, MessageRole, RawState } from "../generated/client";

/** What the message page shows: the mail, what each project made of it, and its neighbours. */

export interface MessageRef {
  msgid: string;
  subject: string;
  fromName: string;
  date: Date | null;
}

export interface MessagePage {
  msgid: string;
  /** Every raw copy stored under this Message-ID: the first was parsed, the others are duplicates. */
  raws: {
    id: string;
    state: RawState;
    error: string | null;
    errorDetail: string | null;
    size: number;
    receivedAt: Date;
  }[];
  /** Null when the raw message could not be parsed. */
  message: {
    subject: string;
    from: { name: string; email: string };
    to: { name: string; email: string }[];
    cc: { name: string; email: string }[];
    date: Date | null;
    inReplyTo: string | null;
    listId: string | null;
    kind: MessageKind;
    kindReason: string;
    body: string;
    commitMessage: string | null;
    diff: string | null;
    pullUrl: string | null;
    trailers: { kind: string; line: string }[];
    warnings: string[];
    unroutedReason: string | null;
    msgidSynthesized: boolean;
  } | null;
  /** Per project: how it was routed and what series assembly made of it. */
  projects: {
    project: string;
    routedBy: string;
    role: MessageRole | null;
    reason: string | null;
    series: { headMsgid: string; title: string; version: number; total: number } | null;
    /** Its place in that series when it is one of its patches. */
    patchIndex: number | null;
  }[];
  /** The message it answers: present in the archive, or only named. */
  parent: MessageRef | { msgid: string; missing: true } | null;
  children: MessageRef[];
}

const refFields = { msgid: true, subject: true, fromName: true, date: true } as const;

interface Address {
  name: string;
  email: string;
}
const addresses = (value: unknown): Address[] =>
  Array.isArray(value)
    ? value.filter((a): a is Address => typeof a?.email === "string" && typeof a?.name === "string")
    : [];
const trailers = (value: unknown): { kind: string; line: string }[] =>
  Array.isArray(value)
    ? value
        .filter((t) => typeof t?.kind === "string" && typeof t?.line === "string")
        .map((t) => ({ kind: t.kind, line: t.line }))
    : [];

export async function getMessagePage(db: Db, msgid: string): Promise<MessagePage | null> {
  const [raws, m] = await Promise.all([
    prisma(db).rawMessage.findMany({
      where: { msgid },
      orderBy: { id: "asc" },
      select: { id: true, state: true, error: true, errorDetail: true, size: true, receivedAt: true },
    }),
    prisma(db).message.findUnique({
      where: { msgid },
      select: {
        subject: true,
        fromName: true,
        fromEmail: true,
        to: true,
        cc: true,
        date: true,
        inReplyTo: true,
        listId: true,
        kind: true,
        kindReason: true,
        body: true,
        commitMessage: true,
        diff: true,
        pullUrl: true,
        trailers: true,
        warnings: true,
        unroutedReason: true,
        msgidSynthesized: true,
        projects: {
          orderBy: { projectId: "asc" },
          select: {
            routedBy: true,
            role: true,
            reason: true,
            seriesId: true,
            project: { select: { name: true } },
            series: { select: { headMsgid: true, title: true, version: true, total: true } },
          },
        },
        patches: { select: { seriesId: true, index: true } },
      },
    }),
  ]);
  if (raws.length === 0 && !m) return null;
  const [parent, children] = m
    ? await Promise.all([
        m.inReplyTo
          ? prisma(db).message.findUnique({ where: { msgid: m.inReplyTo }, select: refFields })
          : null,
        prisma(db).message.findMany({
          where: { inReplyTo: msgid },
          select: refFields,
          orderBy: [{ date: "asc" }, { msgid: "asc" }],
        }),
      ])
    : [null, []];
  return {
    msgid,
    raws: raws.map((r) => ({ ...r, id: r.id.toString() })),
    message: m && {
      subject: m.subject,
      from: { name: m.fromName, email: m.fromEmail },
      to: addresses(m.to),
      cc: addresses(m.cc),
      date: m.date,
      inReplyTo: m.inReplyTo,
      listId: m.listId,
      kind: m.kind,
      kindReason: m.kindReason,
      body: m.body,
      commitMessage: m.commitMessage,
      diff: m.diff,
      pullUrl: m.pullUrl,
      trailers: trailers(m.trailers),
      warnings: m.warnings,
      unroutedReason: m.unroutedReason,
      msgidSynthesized: m.msgidSynthesized,
    },
    projects: (m?.projects ?? []).map((p) => ({
      project: p.project.name,
      routedBy: p.routedBy,
      role: p.role,
      reason: p.reason,
      series: p.series,
      patchIndex: m?.patches.find((x) => x.seriesId === p.seriesId)?.index ?? null,
    })),
    parent: parent ?? (m?.inReplyTo ? { msgid: m.inReplyTo, missing: true } : null),
    children,
  };
}
