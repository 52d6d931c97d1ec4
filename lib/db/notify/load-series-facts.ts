import { type Db, prisma } from "../client";

/** A series as a reply to it needs it (what lib/notify's SeriesFacts reads). */
export interface SeriesReplyFacts {
  projectId: number;
  project: string;
  seriesId: bigint;
  headMsgid: string;
  title: string;
  version: number;
  author: { name: string; email: string };
  /** The message a reply answers: its subject, its own References and its To and Cc addresses. */
  head: { msgid: string; subject: string; references: string[]; recipients: string[] };
  /** Patch mails in order (subject without prefixes) and the files each touches. */
  patches: { index: number; msgid: string; subject: string; files: string[] }[];
}

type AddressJson = { email?: unknown }[];

function emails(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return (value as AddressJson).flatMap((a) => (typeof a?.email === "string" ? [a.email] : []));
}

/** What a reply needs of a series: its author, its head message's threading and recipients, its patches. */
export async function loadSeriesFacts(db: Db, seriesId: bigint): Promise<SeriesReplyFacts | null> {
  const series = await prisma(db).series.findUnique({
    where: { id: seriesId },
    select: {
      id: true,
      projectId: true,
      project: { select: { name: true } },
      headMsgid: true,
      title: true,
      version: true,
      authorName: true,
      authorEmail: true,
      subject: true,
      patches: {
        orderBy: { index: "asc" },
        select: { index: true, files: true, message: { select: { msgid: true, title: true } } },
      },
    },
  });
  if (!series) return null;
  const head = await prisma(db).message.findUnique({
    where: { msgid: series.headMsgid },
    select: { subject: true, references: true, to: true, cc: true },
  });
  return {
    projectId: series.projectId,
    project: series.project.name,
    seriesId: series.id,
    headMsgid: series.headMsgid,
    title: series.title,
    version: series.version,
    author: { name: series.authorName, email: series.authorEmail },
    head: {
      msgid: series.headMsgid,
      subject: head?.subject ?? series.subject,
      references: head?.references ?? [],
      recipients: head ? [...emails(head.to), ...emails(head.cc)] : [],
    },
    patches: series.patches.map((p) => ({
      index: p.index,
      msgid: p.message.msgid,
      subject: p.message.title,
      files: p.files,
    })),
  };
}
