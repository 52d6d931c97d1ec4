import type { SeriesMessage } from "./types";

/** Milliseconds since the epoch, or +Infinity for a missing or unparseable Date header. */
export function timeOf(m: { date: Date | null }): number {
  const t = m.date?.getTime();
  return t === undefined || Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * The one order used to decide "which came first": Date header, then storage order
 * (`seq`), then Message-ID. Dates are untrustworthy (patchew 0009 has a v3 dated
 * before its v1), but they are a property of the message, unlike delivery order; `seq`
 * only breaks ties, and the Message-ID makes the order total.
 */
export function compareArrival(a: SeriesMessage, b: SeriesMessage): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return compareStrings(a.msgid, b.msgid);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A missing date is unknown, so it never counts as "earlier". */
export function notEarlier(a: SeriesMessage, b: SeriesMessage): boolean {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta === Number.POSITIVE_INFINITY || tb === Number.POSITIVE_INFINITY) return true;
  return ta >= tb;
}

export function isoDate(m: SeriesMessage): string {
  const t = timeOf(m);
  return t === Number.POSITIVE_INFINITY ? "an unknown date" : new Date(t).toISOString();
}
