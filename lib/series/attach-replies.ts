import type { SeriesDraft } from "./draft";
import type { Member } from "./members";
import { nearestAbove, type Thread } from "./thread";
import type { Classification, SeriesMessage } from "./types";

export interface NonMember {
  msg: SeriesMessage;
  /** Why it is not a patch (null for lib/mail's `reply` kind); used when it answers nothing. */
  notPatchReason: string | null;
  outOfRange: boolean;
}

/**
 * Every message that is not a cover letter or patch counts for the nearest cover/patch
 * above it, walking up through other replies: a review of a review of patch 2 is
 * about patch 2. Messages with nothing above them are classified with the reason.
 */
export function attachReplies(
  nonMembers: readonly NonMember[],
  thread: Thread,
  members: ReadonlyMap<string, Member>,
  seriesOf: ReadonlyMap<string, SeriesDraft>,
  labelOf: (memberId: string) => string,
): Classification[] {
  const memberAbove = nearestAbove(thread, (id) => members.has(id));
  const out: Classification[] = [];
  for (const { msg, notPatchReason, outOfRange } of nonMembers) {
    const parent = thread.parent.get(msg.msgid) ?? null;
    const targetId = memberAbove(msg.msgid);
    const draft = targetId === null ? undefined : seriesOf.get(targetId);
    const where =
      targetId === null
        ? null
        : parent === targetId
          ? labelOf(targetId)
          : `${labelOf(targetId)}, below ${parent}`;
    const answersSomething = parent !== null || msg.inReplyTo !== null || msg.references.length > 0;
    if (outOfRange || (notPatchReason !== null && !answersSomething)) {
      const reason = notPatchReason + (where ? ` (it sits in the thread of ${where})` : "");
      out.push({ msgid: msg.msgid, role: "not-a-patch", reason });
      continue;
    }
    if (targetId !== null && draft) {
      draft.replies.push({ msg, target: members.get(targetId)! });
      out.push({
        msgid: msg.msgid,
        role: "reply",
        series: draft.head.msgid,
        target: targetId,
        reason: `reply to ${where}`,
      });
      continue;
    }
    out.push({
      msgid: msg.msgid,
      role: "reply",
      series: null,
      target: null,
      reason: orphanReason(msg, parent),
    });
  }
  return out;
}

function orphanReason(msg: SeriesMessage, parent: string | null): string {
  if (parent !== null) return `reply in a thread with no patch series (it answers ${parent})`;
  const named = msg.inReplyTo ?? msg.references[msg.references.length - 1];
  if (named) return `reply to ${named}, which is not in the archive`;
  return "a reply that names no parent (no In-Reply-To or References), so it counts for no series";
}
