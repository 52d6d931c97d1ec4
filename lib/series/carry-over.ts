import type { SeriesDraft } from "./draft";
import { compareRevisions } from "./revision-evidence";
import { isCreditKey, trailerIdentity } from "./trailers";
import type { PlannedPatch } from "./types";

/**
 * b4 carries review tags forward when a patch did not change between revisions (same
 * `git patch-id --stable`); so does Patchwatch, so that re-posting a series with one
 * patch fixed does not throw away the reviews of the others. A patch receives the tags
 * it lacks from the nearest earlier revision of its topic (lower version, or the same
 * version posted earlier) holding a patch with the same patch-id. Revisions are settled
 * in version order, so that patch already holds whatever it received itself, and a tag
 * survives v1 → v2 → v3 unchanged.
 */
export function carryTrailers(drafts: readonly SeriesDraft[]): void {
  const topics = new Map<string, SeriesDraft[]>();
  for (const d of drafts) {
    const key = d.planned.topic ?? d.head.msgid;
    const list = topics.get(key);
    if (list) list.push(d);
    else topics.set(key, [d]);
  }
  for (const list of topics.values()) {
    if (list.length < 2) continue;
    const latestWithId = new Map<string, PlannedPatch>();
    for (const d of list.sort(compareRevisions)) {
      const idOf = patchIds(d);
      for (const p of d.planned.patches) {
        const id = idOf.get(p.index);
        const old = id ? latestWithId.get(id) : undefined;
        if (old) carryInto(p, old);
      }
      for (const p of d.planned.patches) {
        const id = idOf.get(p.index);
        if (id) latestWithId.set(id, p);
      }
    }
  }
}

function patchIds(d: SeriesDraft): Map<number, string> {
  const ids = new Map<number, string>();
  for (const s of d.slots) if (s.patch.msg.patchId) ids.set(s.index, s.patch.msg.patchId);
  return ids;
}

function carryInto(p: PlannedPatch, old: PlannedPatch): void {
  const have = new Set(p.trailers.map(trailerIdentity));
  for (const t of old.trailers) {
    if (!isCreditKey(t.key) || have.has(trailerIdentity(t))) continue;
    p.trailers.push({ ...t, origin: "carried", carriedFrom: old.msgid });
    have.add(trailerIdentity(t));
  }
}
