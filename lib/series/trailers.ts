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
 * own, then replies in arrival order. A reply counts for the patch it answers (or a
 * re-sent copy of it); a reply to the cover letter counts for every patch. When the
 * reviewer said which patches a tag is for (lib/mail's `appliesTo`: "For patches 1-3:",
 * "for all patches in the series"), that decides, whether the reply answers the cover
 * or one patch: "Reviewed-by: … for both patches." in a reply to 1/2 counts for 2/2 too.
 * The same tag from the same person is kept once (the first).
 */
export function collectTrailers(draft: SeriesDraft): PlannedPatch[] {
  // Most replies carry no tag at all; only the others need sorting and merging.
  const replies = draft.replies
    .filter((r) => r.msg.trailers.some((t) => isCreditKey(t.key)))
    .sort((a, b) => compareArrival(a.msg, b.msg));
  const toCover = replies.filter((r) => r.target.role === "cover");
  const toPatch = new Map<number, ReplyLink[]>();
  // Replies to one patch whose tags name other patches too (rare: checked against every slot).
  const scoped: ReplyLink[] = [];
  for (const r of replies) {
    if (r.target.role !== "patch") continue;
    const list = toPatch.get(r.target.index);
    if (list) list.push(r);
    else toPatch.set(r.target.index, [r]);
    if (r.msg.trailers.some((t) => isCreditKey(t.key) && scopeOf(t) !== null)) scoped.push(r);
  }
  return draft.slots.map((slot) => {
    const out: SeriesTrailer[] = slot.patch.msg.trailers.map((t) =>
      seriesTrailer(t, slot.patch.msg.msgid, slot.patch.msg.from, "in-patch"),
    );
    // All lists are in arrival order; merge them so "first" means first sent.
    const relevant = [
      ...(toPatch.get(slot.index) ?? []),
      ...toCover,
      ...scoped.filter((r) => r.target.index !== slot.index),
    ];
    relevant.sort((a, b) => compareArrival(a.msg, b.msg));
    for (const r of relevant) {
      for (const t of r.msg.trailers) {
        if (!isCreditKey(t.key)) continue;
        const origin = originFor(r, t, slot);
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

/** What the reviewer said a tag is for: null (nothing), "all", or patch numbers. */
function scopeOf(t: Trailer): Trailer["appliesTo"] {
  // Stored messages come from JSON: be lenient with a missing or empty value.
  const scope = t.appliesTo ?? null;
  return Array.isArray(scope) && scope.length === 0 ? null : scope;
}

/** How a tag of reply `r` reaches `slot`, or null when it does not. */
function originFor(r: ReplyLink, t: Trailer, slot: Slot): SeriesTrailer["origin"] | null {
  const scope = scopeOf(t);
  const inScope = scope === null || scope === "all" || scope.includes(slot.index);
  if (r.target.role === "cover") {
    if (scope === null || scope === "all") return "reply-to-cover";
    return inScope ? "range-reply" : null;
  }
  // A reply to this slot's own number: only to the patch holding it (or a copy), as before.
  if (r.target.index === slot.index) return countsFor(r, slot) && inScope ? "reply-to-patch" : null;
  // A reply to another patch of the series reaches this one only when it says so.
  return scope !== null && inScope ? "range-reply" : null;
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
