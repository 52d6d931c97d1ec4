import type { AmSubjectParts } from "../../mbox/am-headers";
import type { CollectedTrailer } from "../../mbox/am-trailers";
import { type Db, prisma } from "../client";
import { inflateRaw } from "../ingest/store-raw";

/** What lib/mbox/series-mbox.ts needs to write a series for `git am`, without the raw bytes (loaded as they stream). */
export interface MboxMessageSource {
  msgid: string;
  rawId: bigint;
  /** Bytes of the raw mail, to bound what is read at once. */
  rawSize: number;
  subject: AmSubjectParts;
  author: { name: string; email: string };
}

export interface MboxPatchSource extends MboxMessageSource {
  index: number;
  trailers: CollectedTrailer[];
}

export interface SeriesMboxSource {
  project: string;
  headMsgid: string;
  /** The head Message-ID of the series that was asked for, when a newer revision is given instead. */
  supersedes: string | null;
  title: string;
  version: number;
  total: number;
  received: number;
  complete: boolean;
  isPull: boolean;
  cover: MboxMessageSource | null;
  patches: MboxPatchSource[];
}

/** Revisions followed from an obsolete series to the newest one; a loop in bad data stops here. */
const MAX_REVISION_HOPS = 20;

const messageFields = {
  msgid: true,
  rawId: true,
  title: true,
  version: true,
  prefixes: true,
  partIndex: true,
  partTotal: true,
  fromName: true,
  fromEmail: true,
  raw: { select: { size: true } },
} as const;

type MessageRow = {
  msgid: string;
  rawId: bigint;
  title: string;
  version: number;
  prefixes: string[];
  partIndex: number | null;
  partTotal: number | null;
  fromName: string;
  fromEmail: string;
  raw: { size: number };
};

/**
 * The newest revision of the series a Message-ID names, for a `git am` mbox, as b4 am
 * gives the newest revision it finds. The Message-ID may be the series' head (cover
 * letter or first patch) or any message in it; without a project, the first project
 * holding it is used. Null when no series holds it.
 */
export async function getSeriesMbox(
  db: Db,
  where: { project?: string; msgid: string },
): Promise<SeriesMboxSource | null> {
  const found = await findSeries(db, where);
  if (!found) return null;
  let series = found;
  for (let hop = 0; series.obsoletedBy && hop < MAX_REVISION_HOPS; hop++) {
    const newer = await prisma(db).series.findFirst({
      where: { projectId: series.projectId, headMsgid: series.obsoletedBy },
      select: seriesFields,
    });
    if (!newer || newer.id === found.id) break;
    series = newer;
  }
  return loadSource(db, series, series.id === found.id ? null : found.headMsgid);
}

/**
 * One series exactly as stored, for the applier: the commits it tags must be the ones
 * `git am` makes from the mbox download (author restored, trailers added).
 */
export async function getSeriesMboxOf(db: Db, seriesId: bigint): Promise<SeriesMboxSource | null> {
  const series = await prisma(db).series.findUnique({ where: { id: seriesId }, select: seriesFields });
  return series ? loadSource(db, series, null) : null;
}

type SeriesRow = NonNullable<Awaited<ReturnType<typeof findSeries>>>;

async function loadSource(db: Db, series: SeriesRow, supersedes: string | null): Promise<SeriesMboxSource> {
  const [patches, cover] = await Promise.all([
    prisma(db).patch.findMany({
      where: { seriesId: series.id },
      orderBy: { index: "asc" },
      select: {
        index: true,
        message: { select: messageFields },
        trailers: {
          orderBy: { id: "asc" },
          select: {
            kind: true,
            key: true,
            line: true,
            name: true,
            email: true,
            origin: true,
            source: { select: { fromName: true, fromEmail: true } },
          },
        },
      },
    }),
    series.coverMsgid
      ? prisma(db).message.findUnique({ where: { msgid: series.coverMsgid }, select: messageFields })
      : Promise.resolve(null),
  ]);
  return {
    project: series.project.name,
    headMsgid: series.headMsgid,
    supersedes,
    title: series.title,
    version: series.version,
    total: series.total,
    received: series.received,
    complete: series.complete,
    isPull: series.isPull,
    cover: cover ? messageSource(cover) : null,
    patches: patches.map((p) => ({
      ...messageSource(p.message),
      index: p.index,
      trailers: p.trailers.map((t) => ({
        kind: t.kind,
        key: t.key,
        line: t.line,
        name: t.name ?? "",
        email: t.email ?? "",
        origin: t.origin.replaceAll("_", "-") as CollectedTrailer["origin"],
        sender: { name: t.source.fromName, email: t.source.fromEmail },
      })),
    })),
  };
}

const seriesFields = {
  id: true,
  projectId: true,
  project: { select: { name: true } },
  headMsgid: true,
  coverMsgid: true,
  obsoletedBy: true,
  title: true,
  version: true,
  total: true,
  received: true,
  complete: true,
  isPull: true,
} as const;

async function findSeries(db: Db, where: { project?: string; msgid: string }) {
  const project = where.project === undefined ? {} : { project: { name: where.project } };
  const head = await prisma(db).series.findFirst({
    where: { ...project, headMsgid: where.msgid },
    orderBy: { projectId: "asc" },
    select: seriesFields,
  });
  if (head) return head;
  const member = await prisma(db).projectMessage.findFirst({
    where: { ...project, message: { msgid: where.msgid }, seriesId: { not: null } },
    orderBy: { projectId: "asc" },
    select: { series: { select: seriesFields } },
  });
  return member?.series ?? null;
}

/** `v2`, `PATCHv2`, `RFCv3`: the subject named its version (lib/mail/subject.ts writes prefixes lower-case). */
const NAMED_VERSION = /^(?:patch|rfc|resend)?v\d/;

function messageSource(m: MessageRow): MboxMessageSource {
  return {
    msgid: m.msgid,
    rawId: m.rawId,
    rawSize: m.raw.size,
    subject: {
      title: m.title,
      version: m.version,
      explicitVersion: m.prefixes.some((p) => NAMED_VERSION.test(p)),
      isRfc: m.prefixes.some((p) => p === "rfc" || /^rfcv\d/.test(p)),
      part: m.partIndex !== null && m.partTotal !== null ? { index: m.partIndex, total: m.partTotal } : null,
    },
    author: { name: m.fromName, email: m.fromEmail },
  };
}

/** Raw bytes read per query: a few patches of normal size, or one huge one. */
const BATCH_BYTES = 4 * 1024 * 1024;
const BATCH_MESSAGES = 32;

/**
 * The raw bytes of messages, in the order given, read a few at a time so that a series of
 * 500 patches, or one 50 MB patch, never sits in memory whole.
 */
export async function* streamRawMessages(
  db: Db,
  messages: readonly { rawId: bigint; rawSize: number }[],
): AsyncGenerator<Buffer, void, undefined> {
  for (let i = 0; i < messages.length;) {
    let bytes = 0;
    let end = i;
    while (
      end < messages.length &&
      end - i < BATCH_MESSAGES &&
      (end === i || bytes + messages[end]!.rawSize <= BATCH_BYTES)
    ) {
      bytes += messages[end]!.rawSize;
      end++;
    }
    const ids = messages.slice(i, end).map((m) => m.rawId);
    const rows = await prisma(db).rawMessage.findMany({
      where: { id: { in: ids } },
      select: { id: true, data: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r.data]));
    for (const id of ids) {
      const data = byId.get(id);
      if (!data) throw new Error(`raw message ${id} is missing`);
      yield inflateRaw(data);
    }
    i = end;
  }
}
