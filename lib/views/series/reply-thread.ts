import type { SeriesMessageRow, SeriesOtherRow } from "../../db/series/get-series-page-rows";
import { threadOrder } from "../../series/thread-order";
import type { SeriesPageMessage } from "./series-page";

/** The replies in thread order, each placed under the cover letter or patch it discusses. */
export function replyThread(
  patchMessages: (SeriesMessageRow & { index: number })[],
  others: SeriesOtherRow[],
): SeriesPageMessage[] {
  const about = new Map<string, SeriesPageMessage["about"]>();
  for (const m of patchMessages) about.set(m.msgid, { kind: "patch", index: m.index });
  for (const o of others) if (o.role === "cover") about.set(o.message.msgid, { kind: "cover" });
  const replies = new Map(others.filter((o) => o.role !== "cover").map((o) => [o.message.msgid, o]));
  // Each message takes the cover letter or patch nearest above it, and its depth below that.
  const anchor = new Map<string, { about: SeriesPageMessage["about"]; depth: number }>();
  const out: SeriesPageMessage[] = [];
  for (const place of threadOrder([...patchMessages, ...others.map((o) => o.message)])) {
    const own = about.get(place.msgid);
    const above = place.parent ? anchor.get(place.parent) : undefined;
    anchor.set(
      place.msgid,
      own !== undefined ? { about: own, depth: place.depth + 1 } : (above ?? { about: null, depth: 0 }),
    );
    const r = replies.get(place.msgid);
    if (own !== undefined || !r) continue;
    const { about: topic, depth } = anchor.get(place.msgid)!;
    out.push({
      msgid: r.message.msgid,
      parentMsgid: place.parent,
      depth: place.depth - depth,
      about: topic,
      author: { name: r.message.fromName, email: r.message.fromEmail },
      date: r.message.date,
      subject: r.message.subject,
      body: r.message.body,
      role: r.role,
      reason: r.reason,
    });
  }
  return out;
}
