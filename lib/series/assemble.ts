import { attachReplies, type NonMember } from "./attach-replies";
import { buildSeries } from "./build-series";
import { carryTrailers } from "./carry-over";
import { resolveDependencies } from "./dependencies";
import type { SeriesDraft } from "./draft";
import { groupPatches } from "./group-patches";
import { indexMessages } from "./index-messages";
import { memberLabels } from "./member-labels";
import { classifyMember, type Member } from "./members";
import { compareArrival, compareStrings, timeOf } from "./order";
import { isReviewed } from "./review";
import { topicKeyOf } from "./revision-evidence";
import { linkRevisions } from "./revisions";
import { buildThread } from "./thread";
import { collectTrailers } from "./trailers";
import type { Classification, SeriesMessage, SeriesPlan } from "./types";

/**
 * Series assembly: from a closed set of stored messages to the series, revisions,
 * trailers and per-message classification the database should hold. A pure function
 * of the set: the same messages in any order give the same plan, and every output list
 * is sorted. Each step is its own file; see them for the rules and the reference
 * systems' bugs they avoid.
 */
export function assembleSeries(messages: readonly SeriesMessage[]): SeriesPlan {
  const byId = indexMessages(messages);
  const thread = buildThread(byId);
  const members = new Map<string, Member>();
  const nonMembers: NonMember[] = [];
  for (const m of byId.values()) {
    const c = classifyMember(m);
    if (c.ok) members.set(m.msgid, c.member);
    else
      nonMembers.push({
        msg: m,
        notPatchReason: m.kind === "reply" ? null : c.reason,
        outOfRange: c.kind === "out-of-range",
      });
  }

  const { groups, notes } = groupPatches(members, thread);
  const drafts: SeriesDraft[] = [];
  const classifications: Classification[] = [];
  const seriesOfMsg = new Map<string, SeriesDraft>();
  const labels = new Map<string, string>();
  for (const g of groups) {
    const built = buildSeries(g);
    drafts.push(built.draft);
    classifications.push(...built.classifications.map((c) => withNote(c, notes)));
    for (const id of built.draft.memberIds) seriesOfMsg.set(id, built.draft);
    memberLabels(built.draft, labels);
  }
  // A loop, not push(...spread): a list's years of replies overflow the call stack.
  for (const c of attachReplies(nonMembers, thread, members, seriesOfMsg, (id) => labels.get(id) ?? id))
    classifications.push(c);
  for (const d of drafts) for (const r of d.replies) seriesOfMsg.set(r.msg.msgid, d);

  for (const d of drafts) {
    d.planned.patches = collectTrailers(d);
    d.planned.topicKey = topicKeyOf(d);
    d.planned.replyMsgids = d.replies
      .map((r) => r.msg)
      .sort(compareArrival)
      .map((m) => m.msgid);
    d.planned.lastActivity = lastActivity(d, byId);
    resolveDependencies(d, (id) => seriesOfMsg.get(id)?.head.msgid ?? null);
  }
  const revisionLinks = linkRevisions(drafts, thread, seriesOfMsg);
  carryTrailers(drafts);
  for (const d of drafts) d.planned.reviewed = isReviewed(d.planned);

  return {
    series: drafts.sort((a, b) => compareArrival(a.head, b.head)).map((d) => d.planned),
    revisionLinks,
    classifications: classifications.sort((a, b) => compareStrings(a.msgid, b.msgid)),
  };
}

/** A patch that did not join the series of the message it answers says why. */
function withNote(c: Classification, notes: ReadonlyMap<string, string>): Classification {
  const note = notes.get(c.msgid);
  return note ? { ...c, reason: `${c.reason} (${note})` } : c;
}

function lastActivity(d: SeriesDraft, byId: ReadonlyMap<string, SeriesMessage>): Date | null {
  let latest: SeriesMessage | null = null;
  const all = [...d.memberIds.map((id) => byId.get(id)!), ...d.replies.map((r) => r.msg)];
  for (const m of all) {
    if (timeOf(m) === Number.POSITIVE_INFINITY) continue;
    if (!latest || timeOf(m) > timeOf(latest)) latest = m;
  }
  return latest?.date ?? null;
}
