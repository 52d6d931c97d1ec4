import { parseSubject } from "../../mail/subject";
import type { Address, MailKind, MessageHints, Trailer } from "../../mail/types";
import type { SeriesMessage } from "../../series/types";
import type { MessageFacts } from "./write-series-plan";

/**
 * What series assembly reads of a stored message, shared by the full rebuild
 * (lib/flows/ingest/rebuild-project-series.ts) and the incremental update
 * (lib/flows/ingest/update-project-series.ts), so both hand assembleSeries exactly the
 * same facts.
 */

/** Columns of `message m` (and `project_message pm`) every facts query selects. */
export const FACTS_COLUMNS = `m.id, m.msgid, m.raw_id, m.subject, m.from_name, m.from_email, m.date, m.in_reply_to, m."references",
       m.kind::text AS kind, m.patch_id, m.trailers, m.hints,
       CASE WHEN m.kind = 'patch' THEN m.diff_stat END AS diff_stat`;

export interface FactsRow {
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

export function toSeriesMessage(m: FactsRow): SeriesMessage {
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

/** The facts writeSeriesPlan needs of each message, by Message-ID. */
export function messageFacts(rows: readonly FactsRow[]): Map<string, MessageFacts> {
  return new Map(rows.map((m) => [m.msgid, { id: BigInt(m.id), diffStat: m.diff_stat }]));
}
