import { assembleSeries } from "../series/assemble";
import { toSeriesMessage } from "../series/from-mail";
import type { PlannedSeries } from "../series/types";
import { UnionFind } from "../series/union-find";
import type { ReadMail, Submission } from "./types";

/**
 * Received mails to submissions: the series each contributor sent, assembled by
 * lib/series exactly as the list's mail is, per sender. Mails assembly sets aside but
 * that belong to the same sending (a duplicate, a `[PATCH 4/3]`, a part numbered out of
 * another total, threaded under the cover letter) join the submission, so the checks
 * can name them. A submission is ready once every part is there (and the cover letter,
 * for more than one patch), or when nothing more arrived for `waitMs`: a series whose
 * patch 2/3 is lost must still get its answer.
 */
export interface Grouped {
  ready: Submission[];
  waiting: Submission[];
  /** Mails that are no patch and belong to no submission (a question, a reply). */
  notPatches: ReadMail[];
}

export function groupSubmissions(
  mails: readonly ReadMail[],
  options: { now: Date; waitMs: number },
): Grouped {
  const bySender = new Map<string, ReadMail[]>();
  const notPatches: ReadMail[] = [];
  for (const m of mails) {
    const email = m.mail.from?.email;
    if (!email) {
      notPatches.push(m);
      continue;
    }
    bySender.set(email, [...(bySender.get(email) ?? []), m]);
  }
  const grouped: Grouped = { ready: [], waiting: [], notPatches };
  for (const own of bySender.values()) {
    const { submissions, rest } = submissionsOf(own);
    grouped.notPatches.push(...rest);
    for (const s of submissions) {
      const quiet = options.now.getTime() - s.lastReceivedAt.getTime() >= options.waitMs;
      (quiet || isWhole(s.series) ? grouped.ready : grouped.waiting).push(s);
    }
  }
  return grouped;
}

/** Every part is there, and the cover letter when there is more than one. */
function isWhole(series: PlannedSeries): boolean {
  return series.complete && (series.total <= 1 || series.coverMsgid !== null);
}

function submissionsOf(mails: ReadMail[]): { submissions: Submission[]; rest: ReadMail[] } {
  const byId = new Map(mails.map((m) => [m.mail.messageId, m]));
  const plan = assembleSeries(mails.map((m, i) => toSeriesMessage(m.mail, i)));
  const sets = new UnionFind((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const s of plan.series) {
    for (const p of s.patches) sets.union(s.headMsgid, p.msgid);
    if (s.coverMsgid) sets.union(s.headMsgid, s.coverMsgid);
  }
  for (const c of plan.classifications) {
    if (c.role === "duplicate") sets.union(c.msgid, c.of);
  }
  // A patch-like mail threaded under another of the same sending belongs with it.
  for (const m of mails) {
    if (!isPatchLike(m)) continue;
    const parent = [m.mail.inReplyTo, ...m.mail.references].find((id) => id !== null && byId.has(id));
    if (parent) sets.union(m.mail.messageId, parent);
  }

  const seriesByRoot = new Map<string, PlannedSeries[]>();
  for (const s of plan.series) {
    const root = sets.find(s.headMsgid);
    seriesByRoot.set(root, [...(seriesByRoot.get(root) ?? []), s]);
  }
  const mailsByRoot = new Map<string, ReadMail[]>();
  const rest: ReadMail[] = [];
  for (const m of mails) {
    const root = sets.find(m.mail.messageId);
    if (seriesByRoot.has(root)) mailsByRoot.set(root, [...(mailsByRoot.get(root) ?? []), m]);
    else rest.push(m);
  }

  const submissions = [...seriesByRoot.entries()].map(([root, series]): Submission => {
    const members = mailsByRoot.get(root) ?? [];
    return {
      sender: mails[0]!.mail.from!,
      series: primary(series),
      mails: members,
      lastReceivedAt: new Date(Math.max(...members.map((m) => m.receivedAt.getTime()))),
    };
  });
  return { submissions, rest };
}

function isPatchLike(m: ReadMail): boolean {
  return m.mail.kind === "patch" || m.mail.kind === "cover" || m.mail.parsedSubject.hasPatchMarker;
}

/** The series the submission is about when assembly split it: the one with a cover letter, else the largest. */
function primary(series: PlannedSeries[]): PlannedSeries {
  return [...series].sort(
    (a, b) =>
      Number(b.coverMsgid !== null) - Number(a.coverMsgid !== null) ||
      b.patches.length - a.patches.length ||
      (a.headMsgid < b.headMsgid ? -1 : 1),
  )[0]!;
}
