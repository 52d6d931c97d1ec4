import type { Mail, ParseResult } from "../../mail/types";
import type { Route } from "../../projects/route";
import { bulkInsert } from "../bulk-insert";
import { inSqlTransaction, type Db } from "../client";
import { linkPeople } from "./link-people";

/**
 * Step two of ingestion: what parsing made of each pending raw message, written in one
 * transaction per batch: the message row (first Message-ID wins), its project routes, and
 * the raw row's final state. A failed parse keeps the raw bytes with a clear error.
 */
export interface ParsedRaw {
  rawId: bigint;
  result: ParseResult;
  routes: Route[];
  /** Why no project took it, when routes is empty. */
  unroutedReason: string | null;
  /** The Message-IDs its hints name (lib/series/closure.ts looks them up in hint_msgids). */
  hintMsgids: string[];
}

export interface WriteSummary {
  stored: number;
  failed: number;
  duplicateMsgids: number;
  patches: number;
  unrouted: number;
  /** Names of the projects that received new messages. */
  touchedProjects: Set<string>;
}

/** PostgreSQL text cannot hold NUL; hostile mail may carry it anywhere. */
function clean(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text;
}

function json(value: unknown): string {
  return clean(JSON.stringify(value ?? null));
}

const MESSAGE_COLUMNS = [
  "msgid",
  "msgid_synthesized",
  "raw_id",
  "subject",
  "title",
  "prefixes",
  "version",
  "part_index",
  "part_total",
  "from_name",
  "from_email",
  "to",
  "cc",
  "date",
  "in_reply_to",
  "references",
  "list_id",
  "auto_submitted",
  "kind",
  "kind_reason",
  "body",
  "commit_message",
  "diff",
  "patch_id",
  "diff_stat",
  "pull_url",
  "pull_base",
  "trailers",
  "hints",
  "hint_msgids",
  "warnings",
  "unrouted_reason",
  "person_id",
] as const;

function messageRow(
  rawId: bigint,
  mail: Mail,
  unroutedReason: string | null,
  hintIds: string[],
  personId: number | null,
): unknown[] {
  const s = mail.parsedSubject;
  return [
    mail.messageId,
    mail.messageIdSynthesized,
    rawId,
    clean(mail.subject),
    clean(s.title),
    s.prefixes.map(clean),
    s.version,
    s.part?.index ?? null,
    s.part?.total ?? null,
    clean(mail.from?.name ?? ""),
    clean(mail.from?.email ?? ""),
    json(mail.to),
    json(mail.cc),
    mail.date,
    mail.inReplyTo,
    mail.references,
    mail.listId && clean(mail.listId),
    mail.autoSubmitted,
    mail.kind,
    clean(mail.kindReason),
    clean(mail.body),
    mail.patch ? clean(mail.patch.commitMessage) : null,
    mail.patch ? clean(mail.patch.diff) : null,
    mail.patch?.patchId ?? null,
    mail.patch ? json(mail.patch.stat) : null,
    mail.pullRequest ? clean(mail.pullRequest.url) : null,
    mail.pullRequest?.baseCommit ?? null,
    json(mail.trailers),
    json(mail.hints),
    hintIds.map(clean),
    mail.warnings.map(clean),
    unroutedReason,
    personId,
  ];
}

export async function writeParsed(
  db: Db,
  items: ParsedRaw[],
  projectIds: Map<string, number>,
): Promise<WriteSummary> {
  const summary: WriteSummary = {
    stored: 0,
    failed: 0,
    duplicateMsgids: 0,
    patches: 0,
    unrouted: 0,
    touchedProjects: new Set(),
  };
  const ok = items.filter((i): i is ParsedRaw & { result: { ok: true; mail: Mail } } => i.result.ok);
  await inSqlTransaction(db, async (sql) => {
    for (const f of items) {
      if (f.result.ok) continue;
      summary.failed++;
      await sql.query(
        `UPDATE raw_message SET state = 'failed', error = $2, error_detail = $3, processed_at = now() WHERE id = $1`,
        [f.rawId, f.result.error, clean(f.result.detail)],
      );
    }
    const personByEmail = await linkPeople(
      sql,
      ok.flatMap(({ result: { mail } }) =>
        mail.from?.email ? [{ name: clean(mail.from.name), email: clean(mail.from.email) }] : [],
      ),
    );
    const created = await bulkInsert<{ id: string; raw_id: string }>(
      sql,
      "message",
      MESSAGE_COLUMNS,
      ok.map(({ rawId, routes, unroutedReason, hintMsgids, result: { mail } }) =>
        messageRow(
          rawId,
          mail,
          routes.length ? null : unroutedReason,
          hintMsgids,
          personByEmail.get(clean(mail.from?.email ?? "")) ?? null,
        ),
      ),
      "ON CONFLICT (msgid) DO NOTHING RETURNING id, raw_id",
    );
    const createdByRaw = new Map(created.map((c) => [BigInt(c.raw_id), BigInt(c.id)]));
    const links: unknown[][] = [];
    const processed: bigint[] = [];
    for (const item of ok) {
      const messageId = createdByRaw.get(item.rawId);
      const msgid = item.result.mail.messageId;
      if (messageId === undefined) {
        const first = await sql.query<{ id: string; raw_id: string }>(
          "SELECT id, raw_id FROM message WHERE msgid = $1",
          [msgid],
        );
        const firstRaw = first.rows[0]?.raw_id;
        // The same raw message parsed twice (a resumed import): already done.
        if (firstRaw !== undefined && BigInt(firstRaw) === item.rawId) continue;
        summary.duplicateMsgids++;
        // A copy that came another way (the qemu-block mailbox as well as qemu-devel's)
        // adds its projects to the stored message: a message belongs to every project
        // any of its copies was routed to.
        const firstId = first.rows[0]?.id;
        for (const route of item.routes) {
          const projectId = projectIds.get(route.project);
          if (projectId === undefined || firstId === undefined) continue;
          summary.touchedProjects.add(route.project);
          links.push([projectId, BigInt(firstId), `${route.reason} (a second copy)`]);
        }
        await sql.query(
          `UPDATE raw_message SET state = 'duplicate', msgid = $2, error = 'duplicate-message-id', error_detail = $3, processed_at = now() WHERE id = $1`,
          [
            item.rawId,
            msgid,
            `Message-ID <${msgid}> was already stored from raw message #${firstRaw ?? "?"}; this copy is kept raw only`,
          ],
        );
        continue;
      }
      summary.stored++;
      if (item.result.mail.kind === "patch") summary.patches++;
      if (item.routes.length === 0) summary.unrouted++;
      for (const route of item.routes) {
        const projectId = projectIds.get(route.project);
        if (projectId === undefined) continue;
        summary.touchedProjects.add(route.project);
        links.push([projectId, messageId, route.reason]);
      }
      processed.push(item.rawId);
    }
    await bulkInsert(
      sql,
      "project_message",
      ["project_id", "message_id", "routed_by"],
      links,
      "ON CONFLICT DO NOTHING",
    );
    // The parsed Message-ID replaces the peeked one (it may have been derived).
    await sql.query(
      `UPDATE raw_message r SET state = 'processed', processed_at = now(), error = NULL, error_detail = NULL, msgid = m.msgid
       FROM message m WHERE m.raw_id = r.id AND r.id = ANY($1::bigint[])`,
      [processed],
    );
  });
  return summary;
}
