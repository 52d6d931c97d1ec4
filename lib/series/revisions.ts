import type { SeriesDraft } from "./draft";
import { compareArrival, compareStrings, isoDate, notEarlier } from "./order";
import { compareRevisions, EXPLICIT, findEvidence, type Evidence } from "./revision-evidence";
import type { Thread } from "./thread";
import type { RevisionLink } from "./types";
import { UnionFind } from "./union-find";

const STRENGTH: Record<RevisionLink["reason"], number> = {
  supersedes: 0,
  "previous-version-link": 1,
  "change-id": 2,
  "reply-to-previous": 3,
  "same-author-and-subject": 4,
};

/**
 * Groups series into topics (revisions of one piece of work) and decides which
 * revision obsoletes which. Sets `topicKey`, `topic`, `obsoletedBy` and `revisions` on
 * every draft and returns one link per linked pair, with the strongest reason found and
 * a sentence that explains the link and its outcome.
 *
 * Which revision is newest follows patchew (its tests 0009 and 0030): a series is
 * obsoleted by the highest-version revision that has a higher version AND is not dated
 * earlier than it; at equal versions (RESEND, same version posted again) the later one
 * wins. A Supersedes/"v1:" hint or a reply to the older one also obsoletes, whatever the
 * dates say. Topics only join different authors through such explicit hints, because
 * the subject key includes the author's address.
 */
export function linkRevisions(
  drafts: readonly SeriesDraft[],
  thread: Thread,
  seriesOfMsg: ReadonlyMap<string, SeriesDraft>,
): RevisionLink[] {
  const byHead = new Map(drafts.map((d) => [d.head.msgid, d]));
  const best = strongestPerPair(findEvidence(drafts, thread, seriesOfMsg));
  const uf = new UnionFind((a, b) => compareRevisions(byHead.get(a)!, byHead.get(b)!));
  const explicitNewer = new Map<SeriesDraft, Set<SeriesDraft>>();
  for (const e of best) {
    uf.union(e.older.head.msgid, e.newer.head.msgid);
    if (!EXPLICIT.has(e.reason)) continue;
    const set = explicitNewer.get(e.older) ?? new Set();
    explicitNewer.set(e.older, set.add(e.newer));
  }
  const topics = new Map<string, SeriesDraft[]>();
  for (const d of drafts) {
    const root = uf.find(d.head.msgid);
    const list = topics.get(root);
    if (list) list.push(d);
    else topics.set(root, [d]);
  }
  for (const list of topics.values()) settleTopic(list, explicitNewer);
  return best
    .map((e) => ({
      older: e.older.head.msgid,
      newer: e.newer.head.msgid,
      reason: e.reason,
      detail: explain(e),
    }))
    .sort((a, b) => compareStrings(a.older, b.older) || compareStrings(a.newer, b.newer));
}

function strongestPerPair(evidence: Evidence[]): Evidence[] {
  const best = new Map<string, Evidence>();
  for (const e of evidence) {
    const [a, b] = [e.older.head.msgid, e.newer.head.msgid].sort();
    const key = `${a}\u0000${b}`;
    const seen = best.get(key);
    if (
      !seen ||
      STRENGTH[e.reason] < STRENGTH[seen.reason] ||
      (STRENGTH[e.reason] === STRENGTH[seen.reason] && e.detail < seen.detail)
    ) {
      best.set(key, e);
    }
  }
  return [...best.values()];
}

function settleTopic(
  list: SeriesDraft[],
  explicitNewer: ReadonlyMap<SeriesDraft, ReadonlySet<SeriesDraft>>,
): void {
  list.sort(compareRevisions);
  const topic = list[0]!.head.msgid;
  // The latest-posted series of each version: the only one of its version that can obsolete.
  const latestOf = new Map<number, SeriesDraft>();
  for (const d of list) {
    const seen = latestOf.get(d.planned.version);
    if (!seen || compareArrival(d.head, seen.head) > 0) latestOf.set(d.planned.version, d);
  }
  const versionsDown = [...latestOf.keys()].sort((a, b) => b - a);
  for (const s of list) {
    const candidates: SeriesDraft[] = [];
    for (const v of versionsDown) {
      if (v <= s.planned.version) break;
      const top = latestOf.get(v)!;
      if (notEarlier(top.head, s.head)) {
        candidates.push(top);
        break;
      }
    }
    const same = latestOf.get(s.planned.version)!;
    if (same !== s) candidates.push(same);
    for (const t of explicitNewer.get(s) ?? [])
      if (t.planned.version >= s.planned.version) candidates.push(t);
    // s itself saying it supersedes t outranks the dates.
    const allowed = candidates.filter((t) => !explicitNewer.get(t)?.has(s));
    const winner = allowed.sort(compareRevisions).pop() ?? null;
    s.planned.obsoletedBy = winner?.head.msgid ?? null;
    s.planned.topic = topic;
    s.planned.revisions = list.filter((o) => o !== s).map((o) => o.head.msgid);
  }
}

function explain(e: Evidence): string {
  const o = e.older.planned;
  const n = e.newer.planned;
  const older = `v${o.version} ${o.headMsgid}`;
  const newer = `v${n.version} ${n.headMsgid}`;
  const base = `${newer} is a revision of ${older}: ${e.detail}.`;
  if (o.obsoletedBy === n.headMsgid) {
    const rule = EXPLICIT.has(e.reason)
      ? "the hint names it"
      : n.version > o.version
        ? "a higher version obsoletes a lower one unless it is dated earlier (patchew's rule)"
        : "same version, posted later";
    return `${base} ${older} is obsoleted by it: ${rule}.`;
  }
  if (o.obsoletedBy !== null)
    return `${base} ${older} is obsoleted by ${o.obsoletedBy}, a higher or later revision of the topic.`;
  if (n.version > o.version && !notEarlier(e.newer.head, e.older.head)) {
    return `${base} ${older} stays current: ${newer} is dated ${isoDate(e.newer.head)}, before ${isoDate(e.older.head)}, and a higher version only obsoletes when it is not dated earlier (patchew test 0009).`;
  }
  return `${base} ${older} is not obsoleted by it.`;
}
