/*
 * Messages of one discussion in the order a threaded mail reader shows them: each
 * message under the one it answers, siblings by date. The parent is the In-Reply-To when
 * that message is present, else the nearest present message in References (as
 * thread.ts climbs), so a lost message in the middle does not cut the thread.
 */

export interface ThreadInput {
  msgid: string;
  inReplyTo: string | null;
  references: string[];
  date: Date | null;
}

export interface ThreadPlace {
  msgid: string;
  /** The present message it answers, or null for a root. */
  parent: string | null;
  /** 0 for a root. */
  depth: number;
}

function byDate(a: ThreadInput, b: ThreadInput): number {
  const ta = a.date?.getTime() ?? Infinity;
  const tb = b.date?.getTime() ?? Infinity;
  return ta !== tb ? ta - tb : a.msgid < b.msgid ? -1 : a.msgid > b.msgid ? 1 : 0;
}

export function threadOrder(messages: ThreadInput[]): ThreadPlace[] {
  const byId = new Map(messages.map((m) => [m.msgid, m]));
  const parentOf = (m: ThreadInput): string | null => {
    const candidates = [m.inReplyTo, ...[...m.references].reverse()];
    return candidates.find((id) => id && id !== m.msgid && byId.has(id)) ?? null;
  };
  const children = new Map<string | null, ThreadInput[]>();
  for (const m of byId.values()) {
    const p = parentOf(m);
    children.set(p, [...(children.get(p) ?? []), m]);
  }
  const out: ThreadPlace[] = [];
  const seen = new Set<string>();
  const walk = (m: ThreadInput, parent: string | null, depth: number) => {
    if (seen.has(m.msgid)) return;
    seen.add(m.msgid);
    out.push({ msgid: m.msgid, parent, depth });
    for (const c of (children.get(m.msgid) ?? []).sort(byDate)) walk(c, m.msgid, depth + 1);
  };
  for (const root of (children.get(null) ?? []).sort(byDate)) walk(root, null, 0);
  // Messages in a reply cycle (hostile headers) have no root: each left one starts its own.
  for (const m of [...byId.values()].sort(byDate)) walk(m, null, 0);
  return out;
}
