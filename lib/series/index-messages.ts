import { compareArrival } from "./order";
import type { SeriesMessage } from "./types";

/**
 * Messages by Message-ID. The database stores a Message-ID once, so a repeat here is a
 * caller's mistake; the copy stored first (lowest `seq`, then earliest) is kept so the
 * result still depends only on the set.
 */
export function indexMessages(messages: readonly SeriesMessage[]): Map<string, SeriesMessage> {
  const byId = new Map<string, SeriesMessage>();
  for (const m of messages) {
    const seen = byId.get(m.msgid);
    if (!seen || m.seq < seen.seq || (m.seq === seen.seq && compareArrival(m, seen) < 0))
      byId.set(m.msgid, m);
  }
  return byId;
}
