/**
 * Lost patches (DESIGN.md "Lost"): which current series wait for someone, why, and since
 * when. Pure: the facts come from lib/db/lost, the clock is passed in.
 *
 * A series is *current* when it is the latest revision, not merged and not withdrawn. It is
 * lost when:
 * - `no-reply`: nobody but its author has answered it, N days (lostAfterDays) after it was
 *   posted. Mail a program sent (`Auto-Submitted`, CI robots) is no answer.
 * - `reviewed-not-merged`: every patch has a Reviewed-by or Acked-by from someone else
 *   (series.reviewed), and it is still not merged M days (reviewedUnmergedDays) after the
 *   last of those reviews arrived.
 * - `changes-requested`: the latest answer from someone else reviews the code (it quotes
 *   the patch and writes its own lines after a quote), gives no Reviewed-by or Acked-by,
 *   and neither the author nor a new revision has come back N days later. A new revision
 *   makes this one obsolete, so only the author's silence is left to check.
 */

export type LostReason = "no-reply" | "reviewed-not-merged" | "changes-requested";

/** What a reply in the series' thread says, as far as lost detection needs it. */
export interface ReplySignal {
  email: string;
  name: string;
  date: Date | null;
  /** Sent by a program (Auto-Submitted): never an answer. */
  automated: boolean;
  /** Carries a Reviewed-by or Acked-by of its own. */
  review: boolean;
  /** Quotes the patch and writes its own lines after a quote: review comments. */
  comments: boolean;
  /** An unquoted line says it was applied, pushed or merged ("Patchset pushed, thanks!"). */
  applied: boolean;
  /** An unquoted line of the author's withdraws the series (self-NAK, "please ignore this"). */
  withdraws: boolean;
}

export interface LostFacts {
  authorEmail: string;
  /** When the series was posted (its first mail). */
  date: Date | null;
  obsolete: boolean;
  merged: boolean;
  reviewed: boolean;
  /** When the last patch got its first review from someone else; null when not reviewed. */
  reviewedAt: Date | null;
  /** Every message of the series that is not one of its own patches or cover, in any order. */
  replies: ReplySignal[];
}

export interface LostSettings {
  lostAfterDays: number;
  reviewedUnmergedDays: number;
}

export interface LostVerdict {
  reason: LostReason;
  /** When it became lost: posting + N days, last review + M days, request + N days. */
  since: Date;
  /** Whole days it has waited: since posting, since the last review, since the request. */
  days: number;
  /** What it waits for, in words, for the page and the ping. */
  waitsFor: string;
  /** The reply that asked for changes (changes-requested). */
  requestedBy?: { name: string; email: string; date: Date };
}

const DAY_MS = 86_400_000;

export const wholeDays = (from: Date, to: Date) =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Answers from people other than the author (a program's mail is not one). */
export function othersAnswers(facts: Pick<LostFacts, "authorEmail" | "replies">): ReplySignal[] {
  return facts.replies.filter((r) => !r.automated && r.email !== "" && !same(r.email, facts.authorEmail));
}

/**
 * Why a series is out of every open list before lost detection looks at it: not current
 * (obsolete, merged), withdrawn by its author, or applied by someone's word on the list
 * (trackers without a configured upstream rely on that mail).
 */
export function closedBecause(facts: LostFacts): "obsolete" | "merged" | "withdrawn" | "applied" | null {
  if (facts.obsolete) return "obsolete";
  if (facts.merged) return "merged";
  const author = facts.replies.filter((r) => same(r.email, facts.authorEmail));
  if (author.some((r) => r.withdraws)) return "withdrawn";
  if (othersAnswers(facts).some((r) => r.applied)) return "applied";
  return null;
}

/** The verdict for one series at `now`, or null when it is not lost. */
export function classifyLost(facts: LostFacts, settings: LostSettings, now: Date): LostVerdict | null {
  if (closedBecause(facts) !== null || facts.date === null) return null;
  const others = othersAnswers(facts);

  if (facts.reviewed) {
    const reviewedAt = facts.reviewedAt ?? facts.date;
    const since = addDays(reviewedAt, settings.reviewedUnmergedDays);
    if (since > now) return null;
    return {
      reason: "reviewed-not-merged",
      since,
      days: wholeDays(reviewedAt, now),
      waitsFor: "a maintainer to merge it: every patch is reviewed",
    };
  }

  if (others.length === 0) {
    const since = addDays(facts.date, settings.lostAfterDays);
    if (since > now) return null;
    return {
      reason: "no-reply",
      since,
      days: wholeDays(facts.date, now),
      waitsFor: "a first review: nobody but the author has answered",
    };
  }

  const dated = (r: ReplySignal): r is ReplySignal & { date: Date } => r.date !== null;
  const latestOther = others.filter(dated).sort((a, b) => b.date.getTime() - a.date.getTime())[0];
  if (!latestOther || !latestOther.comments || latestOther.review) return null;
  const authorAfter = facts.replies.some(
    (r) => same(r.email, facts.authorEmail) && r.date !== null && r.date > latestOther.date,
  );
  if (authorAfter) return null;
  const since = addDays(latestOther.date, settings.lostAfterDays);
  if (since > now) return null;
  return {
    reason: "changes-requested",
    since,
    days: wholeDays(latestOther.date, now),
    waitsFor: "the author: review comments got no answer and no new revision",
    requestedBy: { name: latestOther.name, email: latestOther.email, date: latestOther.date },
  };
}
