import { clusterLoose } from "./cluster-loose";
import { describeMember, isPartialReroll, type Member } from "./members";
import { compareArrival } from "./order";
import { sameSendBatch } from "./send-batch";
import { nearestAbove, type Thread } from "./thread";
import { UnionFind } from "./union-find";

/** The members that make up one series, before slots and heads are decided. */
export interface PatchGroup {
  members: Member[];
  /** Partial rerolls (`[PATCH v5.1 10/12]`) that take a slot of this group's series. */
  rerolls: Member[];
}

export interface Grouping {
  groups: PatchGroup[];
  /** Why a patch did not join the series of the message it replies to, by Message-ID. */
  notes: Map<string, string>;
}

/**
 * Decides which cover letters and patches form one series.
 *
 * 1. Threading: a patch joins the series of the nearest cover/patch above it when that
 *    one has the same sender, version and N (shallow threading: every patch answers the
 *    cover; deep: each answers the previous one). A v2 sent in reply to v1, or a new
 *    series posted into an old thread, does not match and starts its own series:
 *    patchwork #127 merged such series into the old one. A different version is
 *    forgiven when both messages come from one git send-email/b4 run (send-batch.ts).
 * 2. Loose patches (no matching series above) are clustered, see cluster-loose.ts:
 *    shallow series whose cover is missing, and mailers that send no References at all.
 * 3. Partial rerolls join the series they reroll, see findRerollBase.
 */
export function groupPatches(members: ReadonlyMap<string, Member>, thread: Thread): Grouping {
  const msgOf = (id: string) => members.get(id)!.msg;
  const uf = new UnionFind((a, b) => compareArrival(msgOf(a), msgOf(b)));
  const memberAbove = nearestAbove(thread, (id) => members.has(id));
  const notes = new Map<string, string>();
  const rerollBase = new Map<string, string>();
  const tops: Member[] = [];

  for (const m of members.values()) {
    if (m.role === "cover") {
      tops.push(m);
      continue;
    }
    const aboveId = memberAbove(m.msg.msgid);
    const above = aboveId === null ? undefined : members.get(aboveId);
    const mismatch = above ? incompatibility(above, m) : "no cover letter or patch above it";
    if (above && mismatch === null) {
      uf.union(m.msg.msgid, above.msg.msgid);
      continue;
    }
    const base = isPartialReroll(m) ? findRerollBase(m, members, thread) : null;
    if (base) {
      rerollBase.set(m.msg.msgid, base);
      continue;
    }
    if (above)
      notes.set(m.msg.msgid, `it replies to ${above.msg.msgid} (${describeMember(above)}), but ${mismatch}`);
    tops.push(m);
  }

  clusterLoose(tops, members, thread, uf);
  return { groups: collectGroups(members, uf, rerollBase), notes };
}

/** Null when `child` may join the series of `above`; otherwise what differs, for people. */
function incompatibility(above: Member, child: Member): string | null {
  if (above.email !== child.email) return `the sender differs (${child.email || "unknown"})`;
  // A version typo between a cover letter and its own patches (same send run) is forgiven.
  if (above.version !== child.version && !sameSendBatch(above.msg.msgid, child.msg.msgid)) {
    return `the version differs (v${child.version})`;
  }
  if (above.total !== child.total && !(above.role === "cover" && above.total === 0)) {
    return `the series size differs (${child.total})`;
  }
  // A same-numbered patch in reply to a patch is a follow-up or a new posting of that
  // patch, not another part of the same series.
  if (above.role === "patch" && above.index === child.index) return `it has the same number (${child.index})`;
  return null;
}

/**
 * `[PATCH v5.1 10/12]` sent into the v5 thread replaces patch 10 of v5 rather than
 * starting a v5.1 series: look above it for a v5 cover or patch of the same size from
 * the same sender. The walk is bounded; rerolls sit a few levels below their target.
 */
function findRerollBase(m: Member, members: ReadonlyMap<string, Member>, thread: Thread): string | null {
  const baseVersion = Math.floor(m.version);
  let cur = thread.parent.get(m.msg.msgid);
  for (let steps = 0; cur !== undefined && steps < 1000; steps++) {
    const b = members.get(cur);
    if (b && b.email === m.email && b.version === baseVersion && (b.total === m.total || b.total === 0))
      return cur;
    cur = thread.parent.get(cur);
  }
  return null;
}

function collectGroups(
  members: ReadonlyMap<string, Member>,
  uf: UnionFind,
  rerollBase: ReadonlyMap<string, string>,
): PatchGroup[] {
  // A reroll's own set (a reroll may have further rerolled patches threaded below it)
  // goes to the set of the message it rerolls.
  const rerollTarget = new Map<string, string>();
  for (const [reroll, base] of rerollBase) rerollTarget.set(uf.find(reroll), base);
  const groups = new Map<string, PatchGroup>();
  const groupOf = (root: string) => {
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { members: [], rerolls: [] }));
    return g;
  };
  for (const m of members.values()) {
    const root = uf.find(m.msg.msgid);
    const base = rerollTarget.get(root);
    if (base === undefined) groupOf(root).members.push(m);
    else groupOf(uf.find(base)).rerolls.push(m);
  }
  return [...groups.values()].filter((g) => g.members.length > 0);
}
