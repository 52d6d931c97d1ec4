import { normalizeTitle } from "../mail/subject";
import { headMessages } from "./dependencies";
import type { SeriesDraft } from "./draft";
import { compareArrival } from "./order";
import type { Thread } from "./thread";
import type { RevisionLink, SeriesMessage } from "./types";

/** One reason to believe `newer` is a later revision of `older`. */
export interface Evidence {
  older: SeriesDraft;
  newer: SeriesDraft;
  reason: RevisionLink["reason"];
  detail: string;
}

/** Lower version first, then earlier head: the order revisions are listed in. */
export function compareRevisions(a: SeriesDraft, b: SeriesDraft): number {
  return a.planned.version - b.planned.version || compareArrival(a.head, b.head);
}

export function authorEmail(d: SeriesDraft): string {
  return d.planned.author?.email.toLowerCase() ?? "";
}

export function topicKeyOf(d: SeriesDraft): string {
  return topicKeyFrom(authorEmail(d), d.planned.title);
}

/** The topic key of a series whose head was sent by `email` (lower-cased) under `title`. */
export function topicKeyFrom(email: string, title: string): string {
  return `${email}\n${normalizeTitle(title)}`;
}

/** Hints that name another series explicitly; these may link different authors. */
export const EXPLICIT: ReadonlySet<RevisionLink["reason"]> = new Set([
  "supersedes",
  "previous-version-link",
  "reply-to-previous",
]);

/**
 * Every reason found to link two series as revisions of one topic. Series sharing a
 * topic key or a b4 change-id are chained in version order (not linked pairwise: a
 * generic title reused a hundred times must not cost 10,000 links).
 */
export function findEvidence(
  drafts: readonly SeriesDraft[],
  thread: Thread,
  seriesOfMsg: ReadonlyMap<string, SeriesDraft>,
): Evidence[] {
  const out: Evidence[] = [];
  chainBy(
    drafts,
    (d) => (authorEmail(d) ? d.planned.topicKey : null),
    (o, n) => {
      if (recurringPull(o, n)) return;
      const detail = `same author (${authorEmail(n)}) and subject "${normalizeTitle(n.planned.title)}"`;
      out.push({ older: o, newer: n, reason: "same-author-and-subject", detail });
    },
  );
  chainBy(
    drafts,
    (d) => d.planned.changeId,
    (o, n) => {
      out.push({
        older: o,
        newer: n,
        reason: "change-id",
        detail: `same b4 change-id ${n.planned.changeId}`,
      });
    },
  );
  for (const d of drafts) {
    explicitHints(d, seriesOfMsg, out);
    replyToPrevious(d, thread, seriesOfMsg, out);
  }
  return out;
}

/**
 * Maintainers send pull requests under the same title every week ("[PULL 00/12] Block
 * layer patches"); each is new work, not a revision of last week's. A pull only
 * revises an earlier one with that title when it says so: a higher version
 * ("[PULL v2 …]") here, or Supersedes: (patchew 0031) through explicitHints.
 */
function recurringPull(older: SeriesDraft, newer: SeriesDraft): boolean {
  return older.planned.isPull && newer.planned.isPull && newer.planned.version <= older.planned.version;
}

function chainBy(
  drafts: readonly SeriesDraft[],
  keyOf: (d: SeriesDraft) => string | null,
  link: (older: SeriesDraft, newer: SeriesDraft) => void,
): void {
  const groups = new Map<string, SeriesDraft[]>();
  for (const d of drafts) {
    const k = keyOf(d);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(d);
    else groups.set(k, [d]);
  }
  for (const list of groups.values()) {
    list.sort(compareRevisions);
    for (let i = 1; i < list.length; i++) link(list[i - 1]!, list[i]!);
  }
}

/**
 * `Supersedes: <id>` in the cover letter, first patch or any reply (patchew 0031 and
 * 0032: the subject changed, and in 0032 someone else wrote it in a reply), and
 * "v1: <link>" lines in the cover letter or first patch.
 */
function explicitHints(d: SeriesDraft, seriesOfMsg: ReadonlyMap<string, SeriesDraft>, out: Evidence[]): void {
  const head = headMessages(d);
  const where = (m: SeriesMessage) =>
    m === d.cover?.msg
      ? "the cover letter"
      : head.includes(m)
        ? "the first patch"
        : `a reply (${m.msgid}) from ${m.from?.email ?? "unknown"}`;
  for (const m of [...head, ...d.replies.map((r) => r.msg)]) {
    for (const id of m.hints.supersedes) {
      const older = seriesOfMsg.get(id);
      if (older && older !== d) {
        out.push({ older, newer: d, reason: "supersedes", detail: `"Supersedes: <${id}>" in ${where(m)}` });
      }
    }
  }
  for (const m of head) {
    for (const id of m.hints.previousVersions) {
      const older = seriesOfMsg.get(id);
      if (older && older !== d) {
        const detail = `a link to the earlier version <${id}> in ${where(m)}`;
        out.push({ older, newer: d, reason: "previous-version-link", detail });
      }
    }
  }
}

/** A v2 sent In-Reply-To v1's cover letter or one of its patches (same author, higher version). */
function replyToPrevious(
  d: SeriesDraft,
  thread: Thread,
  seriesOfMsg: ReadonlyMap<string, SeriesDraft>,
  out: Evidence[],
): void {
  const parent = thread.parent.get(d.head.msgid);
  const older = parent === undefined ? undefined : seriesOfMsg.get(parent);
  if (!older || older === d || !authorEmail(d) || authorEmail(older) !== authorEmail(d)) return;
  if (older.planned.version >= d.planned.version) return;
  out.push({
    older,
    newer: d,
    reason: "reply-to-previous",
    detail: `it was posted in reply to ${parent} of v${older.planned.version}`,
  });
}
