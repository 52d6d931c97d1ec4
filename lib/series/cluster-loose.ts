import type { Member } from "./members";
import { compareArrival, timeOf } from "./order";
import { nearestAbove, type Thread } from "./thread";
import { sendBatch } from "./send-batch";
import type { UnionFind } from "./union-find";

/** Patches sent together are sent within minutes; an hour leaves room for slow SMTP. */
export const LOOSE_WINDOW_MS = 60 * 60 * 1000;

interface Unit {
  top: Member;
  indexes: Set<number>;
  hasCover: boolean;
}

/**
 * Joins series fragments that threading could not join:
 * - patches of a shallow-threaded series whose cover letter is missing all reply to the
 *   same absent message, so they share their thread's first Reference (the "anchor");
 * - some mailers send no In-Reply-To/References at all; those patches (and a cover
 *   letter sent the same way) have no anchor and are matched by sender alone.
 * Fragments join when they have the same anchor, sender, version and N, were sent
 * within LOOSE_WINDOW_MS of the cluster's last fragment, claim different patch numbers
 * (so two unthreaded postings of one series, or two unrelated `[PATCH]` mails, stay
 * apart) and do not come from different git send-email/b4 runs (send-batch.ts).
 * Fragments are taken in arrival order, so the result depends only on the set.
 */
export function clusterLoose(
  tops: readonly Member[],
  members: ReadonlyMap<string, Member>,
  thread: Thread,
  uf: UnionFind,
): void {
  const units = unitsOf(tops, members, uf);
  const rootAbove = nearestAbove(thread, (id) => !thread.parent.has(id));
  const buckets = new Map<string, Unit[]>();
  for (const unit of units) {
    const key = bucketKey(unit.top, thread, rootAbove);
    if (key === null) continue;
    const list = buckets.get(key);
    if (list) list.push(unit);
    else buckets.set(key, [unit]);
  }
  for (const list of buckets.values()) {
    list.sort((a, b) => compareArrival(a.top.msg, b.top.msg));
    joinInOrder(list, uf);
  }
}

interface Cluster {
  root: string;
  indexes: Set<number>;
  hasCover: boolean;
  batch: string | null;
  lastTime: number;
}

/**
 * Each fragment joins an open cluster it fits (same send run first, else the most
 * recent), or opens one. Several clusters stay open so that two series sent at the
 * same time without threading, by one author, do not swallow each other's patches
 * when their Message-IDs tell the runs apart.
 */
function joinInOrder(list: readonly Unit[], uf: UnionFind): void {
  let open: Cluster[] = [];
  for (const unit of list) {
    const time = timeOf(unit.top.msg);
    open = open.filter((c) => withinWindow(c.lastTime, time));
    const batch = sendBatch(unit.top.msg.msgid);
    const fits = open.filter((c) => fitsCluster(c, unit, batch));
    const target = fits.find((c) => batch !== null && c.batch === batch) ?? fits[fits.length - 1];
    if (!target) {
      const root = unit.top.msg.msgid;
      open.push({ root, indexes: new Set(unit.indexes), hasCover: unit.hasCover, batch, lastTime: time });
      continue;
    }
    uf.union(target.root, unit.top.msg.msgid);
    for (const i of unit.indexes) target.indexes.add(i);
    target.hasCover ||= unit.hasCover;
    target.batch ??= batch;
    target.lastTime = time;
  }
}

function fitsCluster(c: Cluster, unit: Unit, batch: string | null): boolean {
  if (c.hasCover && unit.hasCover) return false;
  if (batch !== null && c.batch !== null && batch !== c.batch) return false;
  for (const i of unit.indexes) if (c.indexes.has(i)) return false;
  return true;
}

function withinWindow(earlier: number, later: number): boolean {
  const unknown = Number.POSITIVE_INFINITY;
  if (earlier === unknown || later === unknown) return earlier === later;
  return later - earlier <= LOOSE_WINDOW_MS;
}

function unitsOf(tops: readonly Member[], members: ReadonlyMap<string, Member>, uf: UnionFind): Unit[] {
  const byRoot = new Map<string, Unit>();
  for (const top of tops) byRoot.set(uf.find(top.msg.msgid), { top, indexes: new Set(), hasCover: false });
  for (const m of members.values()) {
    const unit = byRoot.get(uf.find(m.msg.msgid));
    if (!unit) continue; // a partial reroll's set; it joins its base elsewhere
    if (m.role === "cover") unit.hasCover = true;
    else unit.indexes.add(m.index);
  }
  return [...byRoot.values()];
}

/** Null when the fragment must stay on its own. */
function bucketKey(top: Member, thread: Thread, rootAbove: (id: string) => string | null): string | null {
  const m = top.msg;
  let anchor: string | null;
  if (thread.parent.has(m.msgid)) {
    const root = thread.byId.get(rootAbove(m.msgid)!)!;
    anchor = root.references[0] ?? root.inReplyTo ?? root.msgid;
  } else {
    anchor = m.references[0] ?? m.inReplyTo ?? null;
  }
  // A cover letter always heads its own series, except when it was sent without any
  // threading headers, like the patches of the mailers this pass exists for.
  if (top.role === "cover" && (anchor !== null || top.total === 0)) return null;
  return [anchor ?? "", top.email, top.version, top.total].join("\u0000");
}
