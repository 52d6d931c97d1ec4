import zlib from "node:zlib";

import type { ProjectConfig } from "../lib/config/projects-file";
import type { Db } from "../lib/db/client";
import { prismaForTests } from "../lib/db/test-support/prisma-for-tests";
import { importMessages } from "../lib/flows/ingest/import-messages";
import { createParser } from "../lib/flows/ingest/parse-pool";

/**
 * A 20-patch series for bench/scale, made from real LTP mail: the LTP archive has none
 * (its largest has 10 patches, and only one series has 10), so the largest series keeps
 * its cover letter and patches 1–10, and the same author's largest series of other
 * topics supply patches 11–20, each patch keeping its title and every reply its body.
 * Same author, because the assembler only joins patches of one sender into a series
 * (lib/series/group-patches.ts). Message-IDs are rewritten into a reserved form and the
 * threads re-pointed at the one cover letter.
 */

const SIZE = 20;
const DOMAIN = "bench.patchwatch.invalid";
const newMsgid = (n: number) => `scale20.${n}@${DOMAIN}`;
export const TWENTY_PATCH_HEAD = newMsgid(0);

export interface TwentyPatchSeries {
  headMsgid: string;
  /** Titles of the series it was made from, and how many patches each gave. */
  sources: { title: string; patches: number }[];
}

interface SourceSeries {
  id: bigint;
  title: string;
  total: number;
  authorEmail: string;
}

interface ThreadMessage {
  msgid: string;
  role: string;
  partIndex: number | null;
  title: string;
  inReplyTo: string | null;
  references: string[];
  data: Uint8Array;
}

/**
 * Complete series of distinct titles whose patches add up to 20: the largest with a cover
 * letter first, then its author's largest that still fits. Those with most replies first;
 * of bench/scale's copies of the corpus, the first imported.
 */
async function pickSources(db: Db, projectId: number): Promise<SourceSeries[]> {
  const [first] = await prismaForTests(db).$queryRaw<SourceSeries[]>`
    SELECT s.id, s.title, s.total, s.author_email AS "authorEmail"
    FROM series s JOIN message h ON h.msgid = s.head_msgid
    WHERE s.project_id = ${projectId} AND s.complete AND NOT s.is_pull AND s.total = s.received
      AND s.total <= ${SIZE} AND s.cover_msgid IS NOT NULL AND s.head_msgid NOT LIKE ${`%@${DOMAIN}`}
    ORDER BY s.total DESC, s.reply_count DESC, h.id LIMIT 1`;
  if (!first) throw new Error("no series with a cover letter to build the 20-patch series on");
  const candidates = await prismaForTests(db).$queryRaw<(SourceSeries & { replies: number })[]>`
    SELECT DISTINCT ON (s.title) s.id, s.title, s.total, s.author_email AS "authorEmail",
      s.reply_count AS replies
    FROM series s JOIN message h ON h.msgid = s.head_msgid
    WHERE s.project_id = ${projectId} AND s.complete AND NOT s.is_pull AND s.total = s.received
      AND s.author_email = ${first.authorEmail} AND s.title <> ${first.title}
      AND s.head_msgid NOT LIKE ${`%@${DOMAIN}`}
    ORDER BY s.title, s.reply_count DESC, h.id`;
  candidates.sort((a, b) => b.total - a.total || b.replies - a.replies || a.title.localeCompare(b.title));
  const picked: SourceSeries[] = [first];
  let left = SIZE - first.total;
  for (const c of candidates) {
    if (left === 0) break;
    if (c.total <= left) {
      picked.push(c);
      left -= c.total;
    }
  }
  if (left !== 0) throw new Error(`${first.authorEmail}'s series cannot add up to ${SIZE} patches`);
  return picked;
}

async function loadThread(db: Db, projectId: number, seriesId: bigint): Promise<ThreadMessage[]> {
  return prismaForTests(db).$queryRaw<ThreadMessage[]>`
    SELECT m.msgid, pm.role::text AS role, m.part_index AS "partIndex", m.title,
      m.in_reply_to AS "inReplyTo", m."references", r.data
    FROM project_message pm JOIN message m ON m.id = pm.message_id JOIN raw_message r ON r.id = m.raw_id
    WHERE pm.project_id = ${projectId} AND pm.series_id = ${seriesId}
    ORDER BY m.date NULLS LAST, m.id`;
}

/** An unstructured header value (RFC 2047 encoded-word when it is not plain ASCII). */
function headerText(value: string): string {
  return /^[\x20-\x7e]*$/.test(value)
    ? value
    : `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;
}

/**
 * Replaces the named header fields (folded continuation lines included) of a raw mail;
 * fields not named are left byte for byte, and the body is untouched.
 */
function rewriteHeaders(raw: Buffer, fields: Map<string, string | null>): Buffer {
  const text = raw.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? text : text.slice(0, end);
  const eol = head.includes("\r\n") ? "\r\n" : "\n";
  const out: string[] = [];
  const written = new Set<string>();
  // Unfold (RFC 5322 2.2.3): a line starting with white space continues the field before.
  for (const field of head.split(/\r?\n(?![ \t])/)) {
    const name = /^([^:\s]+)\s*:/.exec(field)?.[1]?.toLowerCase();
    if (name === undefined || !fields.has(name)) {
      out.push(field);
      continue;
    }
    const value = fields.get(name);
    if (!written.has(name) && value != null) out.push(`${canonicalName(name)}: ${value}`);
    written.add(name);
  }
  for (const [name, value] of fields)
    if (!written.has(name) && value != null) out.push(`${canonicalName(name)}: ${value}`);
  return Buffer.from(out.join(eol) + (end < 0 ? eol : text.slice(end)), "latin1");
}

function canonicalName(name: string): string {
  return (
    { "message-id": "Message-ID", "in-reply-to": "In-Reply-To" }[name] ??
    name[0]!.toUpperCase() + name.slice(1)
  );
}

/** The joined series' mails: cover, patches 1–20, then every reply. */
function joinedMails(threads: ThreadMessage[][]): Buffer[] {
  const newIds = new Map<string, string>();
  const subjects = new Map<string, string>();
  const cover = threads[0]!.find((m) => m.role === "cover")!;
  newIds.set(cover.msgid, newMsgid(0));
  subjects.set(cover.msgid, `[PATCH 00/${SIZE}] ${cover.title}`);
  // Later series' cover letters are dropped: what answered them answers the new cover.
  for (const thread of threads.slice(1))
    for (const m of thread.filter((x) => x.role === "cover")) {
      newIds.set(m.msgid, newMsgid(0));
      subjects.set(m.msgid, subjects.get(cover.msgid)!);
    }
  const patches = threads.flatMap((t) =>
    t.filter((m) => m.role === "patch").sort((a, b) => (a.partIndex ?? 0) - (b.partIndex ?? 0)),
  );
  patches.forEach((m, i) => {
    newIds.set(m.msgid, newMsgid(i + 1));
    subjects.set(m.msgid, `[PATCH ${String(i + 1).padStart(2, "0")}/${SIZE}] ${m.title}`);
  });
  const replies = threads.flatMap((t) => t.filter((m) => m.role !== "cover" && m.role !== "patch"));
  replies.forEach((m, i) => newIds.set(m.msgid, newMsgid(SIZE + 1 + i)));
  const byMsgid = new Map(threads.flat().map((m) => [m.msgid, m]));
  const parentOf = (m: ThreadMessage): string | undefined =>
    [m.inReplyTo, ...[...m.references].reverse()].find((id) => id != null && byMsgid.has(id)) ?? undefined;
  // A reply answers the patch (or cover) its thread leads back to.
  const answered = (m: ThreadMessage, seen = new Set<string>()): string => {
    const own = subjects.get(m.msgid);
    if (own !== undefined) return own;
    const parent = parentOf(m);
    if (parent === undefined || seen.has(parent)) return subjects.get(cover.msgid)!;
    seen.add(m.msgid);
    return answered(byMsgid.get(parent)!, seen);
  };
  const mails: Buffer[] = [];
  for (const m of [cover, ...patches, ...replies]) {
    const id = newIds.get(m.msgid)!;
    const isCover = m === cover;
    const subject = subjects.get(m.msgid) ?? `Re: ${answered(m)}`;
    const refs = isCover
      ? []
      : [
          ...new Set([
            newMsgid(0),
            ...m.references.flatMap((r) => newIds.get(r) ?? []).filter((r) => r !== id),
          ]),
        ];
    const parent = isCover ? undefined : parentOf(m);
    const inReplyTo = isCover
      ? null
      : ((parent !== undefined ? newIds.get(parent) : undefined) ?? newMsgid(0));
    if (!isCover && !refs.includes(inReplyTo!)) refs.push(inReplyTo!);
    const raw = zlib.gunzipSync(m.data);
    mails.push(
      rewriteHeaders(
        raw,
        new Map([
          ["message-id", `<${id}>`],
          ["subject", headerText(subject)],
          ["in-reply-to", inReplyTo === null ? null : `<${inReplyTo}>`],
          ["references", refs.length ? refs.map((r) => `<${r}>`).join(" ") : null],
        ]),
      ),
    );
  }
  return mails;
}

/** Removes what an earlier, unfinished run imported (the Message-IDs are reserved for it). */
async function removeEarlierAttempt(db: Db): Promise<void> {
  const pattern = `%@${DOMAIN}`;
  const client = prismaForTests(db);
  await client.$transaction([
    client.$executeRaw`DELETE FROM series WHERE head_msgid LIKE ${pattern}`,
    client.$executeRaw`DELETE FROM message WHERE msgid LIKE ${pattern}`,
    client.$executeRaw`DELETE FROM raw_message WHERE msgid LIKE ${pattern}
      AND NOT EXISTS (SELECT 1 FROM message m WHERE m.raw_id = raw_message.id)`,
  ]);
}

async function seriesOf(db: Db, msgid: string) {
  const [row] = await prismaForTests(db).$queryRaw<{ total: number; received: number; complete: boolean }[]>`
    SELECT s.total, s.received, s.complete FROM series s WHERE s.head_msgid = ${msgid}`;
  return row;
}

const isWhole = (s: { total: number; received: number; complete: boolean }) =>
  s.total === SIZE && s.received === SIZE && s.complete;

/**
 * Makes sure the project holds the 20-patch series (importing it the first time) and
 * returns its head Message-ID and what it was made from.
 */
export async function ensureTwentyPatchSeries(
  db: Db,
  projects: ProjectConfig[],
  projectName = "ltp",
): Promise<TwentyPatchSeries> {
  const project = await prismaForTests(db).project.findUniqueOrThrow({ where: { name: projectName } });
  const sources = await pickSources(db, project.id);
  const result = {
    headMsgid: TWENTY_PATCH_HEAD,
    sources: sources.map((s) => ({ title: s.title, patches: s.total })),
  };
  const existing = await seriesOf(db, TWENTY_PATCH_HEAD);
  if (existing && isWhole(existing)) return result;
  await removeEarlierAttempt(db);
  const threads = await Promise.all(sources.map((s) => loadThread(db, project.id, s.id)));
  const mails = joinedMails(threads);
  const parser = createParser();
  try {
    await importMessages(
      (async function* () {
        for (const [i, raw] of mails.entries()) yield { raw, origin: `bench 20-patch series #${i}` };
      })(),
      { db, projects, parser, importInto: projectName },
    );
  } finally {
    await parser.close();
  }
  const series = await seriesOf(db, TWENTY_PATCH_HEAD);
  if (!series || !isWhole(series))
    throw new Error(`the 20-patch series came out as ${JSON.stringify(series ?? null)}`);
  return result;
}
