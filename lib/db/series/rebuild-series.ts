import { parseSubject } from "../../mail/subject";
import type { Address, MailKind, MessageHints, Trailer } from "../../mail/types";
import { assembleSeries } from "../../series/assemble";
import type { SeriesMessage } from "../../series/types";
import { inSqlTransaction, type Db } from "../client";
import { writeSeriesPlan, type MessageFacts, type PlanWriteSummary } from "./write-series-plan";

/**
 * Re-derives every series of a project from its stored messages: load the facts, let
 * the pure assembler decide, write the plan, all in one transaction. Deterministic, so
 * running it twice changes nothing and delivery order never matters.
 */
interface FactsRow {
  id: string;
  msgid: string;
  raw_id: string;
  subject: string;
  from_name: string;
  from_email: string;
  date: Date | null;
  in_reply_to: string | null;
  references: string[] | null;
  kind: MailKind;
  patch_id: string | null;
  trailers: Trailer[];
  hints: MessageHints;
  diff_stat: MessageFacts["diffStat"];
}

function toSeriesMessage(m: FactsRow): SeriesMessage {
  return {
    msgid: m.msgid,
    seq: Number(m.raw_id),
    subject: m.subject,
    parsedSubject: parseSubject(m.subject),
    from: m.from_email ? ({ name: m.from_name, email: m.from_email } satisfies Address) : null,
    date: m.date,
    inReplyTo: m.in_reply_to,
    references: m.references ?? [],
    kind: m.kind,
    patchId: m.patch_id,
    trailers: m.trailers,
    hints: m.hints,
  };
}

export async function rebuildProjectSeries(db: Db, projectId: number): Promise<PlanWriteSummary> {
  return inSqlTransaction(db, async (sql) => {
    // Serialise rebuilds of one project (several importers may finish at once).
    await sql.query("SELECT pg_advisory_xact_lock(72616002, $1)", [projectId]);
    const { rows } = await sql.query<FactsRow>(
      `SELECT m.id, m.msgid, m.raw_id, m.subject, m.from_name, m.from_email, m.date, m.in_reply_to, m."references",
              m.kind::text AS kind, m.patch_id, m.trailers, m.hints,
              CASE WHEN m.kind = 'patch' THEN m.diff_stat END AS diff_stat
       FROM project_message pm JOIN message m ON m.id = pm.message_id
       WHERE pm.project_id = $1`,
      [projectId],
    );
    const plan = assembleSeries(rows.map(toSeriesMessage));
    const facts = new Map<string, MessageFacts>(
      rows.map((m) => [m.msgid, { id: BigInt(m.id), diffStat: m.diff_stat }]),
    );
    return writeSeriesPlan(sql, projectId, plan, facts);
  });
}
