import type { SeriesDraft } from "./draft";
import { compareArrival } from "./order";
import type { MessageHints } from "../mail/types";
import type { SeriesMessage } from "./types";

/** The messages whose body speaks for the whole series: the cover letter, else the first patch. */
export function headMessages(draft: SeriesDraft): SeriesMessage[] {
  const first = draft.slots[0]?.patch.msg;
  const list = draft.cover ? [draft.cover.msg] : [];
  if (first && (list.length === 0 || first !== list[0])) list.push(first);
  return list;
}

/** The first non-empty value among the cover letter's hints and the first patch's. */
function fromHead<T>(draft: SeriesDraft, pick: (h: MessageHints) => T | null | undefined): T | null {
  for (const m of headMessages(draft)) {
    const v = pick(m.hints);
    if (v !== null && v !== undefined && (!Array.isArray(v) || v.length > 0)) return v;
  }
  return null;
}

/**
 * What a series applies on: `base-commit:` (git format-patch --base) and b4's
 * `change-id:` from the cover letter or first patch, and the series it is based on.
 * `Based-on:` may also come in a reply (patchew test 0027: the author names the base
 * after posting); the latest statement wins, as a later one is a correction. Message-IDs
 * are mapped to the head of the series holding them; unknown ones are kept as written so
 * the dependency resolves once that series arrives.
 */
export function resolveDependencies(draft: SeriesDraft, headOf: (msgid: string) => string | null): void {
  const p = draft.planned;
  p.baseCommit = fromHead(draft, (h) => h.baseCommit);
  p.changeId = fromHead(draft, (h) => h.changeId);
  const stated = [...draft.replies]
    .map((r) => r.msg)
    .filter((m) => m.hints.basedOn.length > 0)
    .sort(compareArrival)
    .pop();
  const ids = stated ? stated.hints.basedOn : (fromHead(draft, (h) => h.basedOn) ?? []);
  const heads = ids.map((id) => headOf(id) ?? id).filter((h) => h !== p.headMsgid);
  p.basedOn = [...new Set(heads)];
}
