import type { ReplyLink, SeriesDraft, Slot } from "./draft";
import { compareArrival } from "./order";
import type { Address, Trailer } from "../mail/types";
import type { PlannedPatch, SeriesTrailer } from "./types";

/**
 * From a reply, only tags that give credit count: Reviewed-by, Acked-by, Tested-by,
 * Reported-by, Suggested-by, Co-developed-by and any custom `*-by`. A Signed-off-by in a
 * reply is a maintainer saying "applied" or an author quoting their own patch, never a
 * review of it.
 */
export function isCreditKey(key: string): boolean {
  return key.endsWith("-by") && key !== "signed-off-by";
}

/** Reviewed-by and Acked-by make a patch reviewed (DESIGN.md, Trailers). */
export function isReviewKey(key: string): boolean {
  return key === "reviewed-by" || key === "acked-by";
}

/**
 * The trailers of every patch of a series, in the order they were given: the patch's
 * own, then replies in arrival order. Replies count for the patch they answer (or a
 * re-sent copy of it); replies to the cover letter count for every patch, unless the
 * reviewer limited the tag ("For patches 1-3:"), which lib/mail reports as `appliesTo`.
 * The same tag from the same person is kept once (the first).
 */
export function collectTrailers(draft: SeriesDraft): PlannedPatch[] {
  // Most replies carry no tag at all; only the others need sorting and merging.
  const replies = draft.replies
    .filter((r) => r.msg.trailers.some((t) => isCreditKey(t.key)))
    .sort((a, b) => compareArrival(a.msg, b.msg));
  const toCover = replies.filter((r) => r.target.role === "cover");
  const toPatch = new Map<number, ReplyLink[]>();
  for (const r of replies) {
    if (r.target.role !== "patch") continue;
    const list = toPatch.get(r.target.index);
    if (list) list.push(r);
    else toPatch.set(r.target.index, [r]);
  }
  return draft.slots.map((slot) => {
    const out: SeriesTrailer[] = slot.patch.msg.trailers.map((t) =>
      seriesTrailer(t, slot.patch.msg.msgid, slot.patch.msg.from, "in-patch"),
    );
    // Both lists are in arrival order; merge them so "first" means first sent.
    const relevant = [...(toPatch.get(slot.index) ?? []).filter((r) => countsFor(r, slot)), ...toCover];
    relevant.sort((a, b) => compareArrival(a.msg, b.msg));
    for (const r of relevant) {
      for (const t of r.msg.trailers) {
        if (!isCreditKey(t.key)) continue;
        const origin = originFor(r, t, slot.index);
        if (origin) out.push(seriesTrailer(t, r.msg.msgid, r.msg.from, origin));
      }
    }
    return {
      index: slot.index,
      msgid: slot.patch.msg.msgid,
      replaces: slot.replaces?.msg.msgid ?? null,
      trailers: dedupeTrailers(out),
    };
  });
}

/** A reply to the patch holding the slot, or to a duplicate copy of it; not to the patch a reroll replaced. */
function countsFor(r: ReplyLink, slot: Slot): boolean {
  if (r.target === slot.patch) return true;
  return r.target !== slot.replaces && r.target.version === slot.patch.version;
}

function originFor(r: ReplyLink, t: Trailer, index: number): SeriesTrailer["origin"] | null {
  if (r.target.role === "patch") return "reply-to-patch";
  if (t.appliesTo === null || t.appliesTo.length === 0) return "reply-to-cover";
  return t.appliesTo.includes(index) ? "range-reply" : null;
}

export function seriesTrailer(
  t: Trailer,
  fromMsgid: string,
  sender: Address | null,
  origin: SeriesTrailer["origin"],
): SeriesTrailer {
  // A tag in the patch is written by its author about others: a mismatch is the norm
  // there, so only tags sent in replies are checked (a maintainer relaying a review
  // given on IRC is fine, but shown).
  const senderMismatch =
    origin !== "in-patch" &&
    t.person !== null &&
    sender !== null &&
    t.person.email.toLowerCase() !== sender.email.toLowerCase();
  return {
    kind: t.kind,
    key: t.key,
    person: t.person,
    line: t.line,
    fromMsgid,
    sender,
    origin,
    senderMismatch,
    carriedFrom: null,
  };
}

export function trailerIdentity(t: { key: string; person: Address | null; line: string }): string {
  return `${t.key}\u0000${t.person ? t.person.email.toLowerCase() : t.line.toLowerCase()}`;
}

export function dedupeTrailers(list: readonly SeriesTrailer[]): SeriesTrailer[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const id = trailerIdentity(t);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
