import type { Mail } from "../mail/types";
import type { SeriesMessage } from "./types";

/** What series assembly needs from a parsed mail; `seq` is its storage order. */
export function toSeriesMessage(mail: Mail, seq: number): SeriesMessage {
  return {
    msgid: mail.messageId,
    seq,
    subject: mail.subject,
    parsedSubject: mail.parsedSubject,
    from: mail.from,
    date: mail.date,
    inReplyTo: mail.inReplyTo,
    references: mail.references,
    kind: mail.kind,
    patchId: mail.patch?.patchId ?? null,
    trailers: mail.trailers,
    hints: mail.hints,
  };
}
