import { messageIdFromUrl } from "../mail/message-id-url";
import { normalizeMessageId } from "../mail/message-id";
import { normalizeTitle, parseSubject } from "../mail/subject";

/*
 * Merged detection, the pure part: which upstream commit took a posted patch, and what
 * that makes of its series. Three ways, tried in this order for each patch:
 *
 * 1. patch-id: the commit's `git patch-id --stable` equals the mail's (message.patch_id is
 *    the same algorithm, lib/diff/patch-id.ts): the diff went in unchanged but for white
 *    space and line numbers;
 * 2. message-id: a `Link:` (lore, patch.msgid.link, any archive URL holding the id) or
 *    `Message-Id:` trailer of the commit names the patch mail;
 * 3. subject: the same subject (prefixes, case, spacing and final period aside) by the
 *    same author (email, or name when the email differs), for a patch the maintainer
 *    edited before committing.
 *
 * Methods 1 and 3 only accept a commit committed after the patch was posted (with a day
 * of slack for clocks): an old commit with the same subject or diff (a revert being
 * re-posted, "Fix typo") is not this patch. Among several commits the earliest wins.
 */

export const MERGE_METHODS = ["patch-id", "message-id", "subject"] as const;
/** patch.merged_how (constraint patch_merged_how_check, migration 20261129090000_state_checks). */
export type MergeHow = (typeof MERGE_METHODS)[number];

export interface PatchToMatch {
  /** The patch row's id, as a string. */
  key: string;
  msgid: string;
  /** The mail's `git patch-id --stable`; null when it carries no diff. */
  patchId: string | null;
  /** The mail subject's title (prefixes already stripped). */
  title: string;
  authorEmail: string;
  authorName: string;
  postedAt: Date | null;
}

export interface CommitToMatch {
  sha: string;
  patchId: string | null;
  subject: string;
  authorEmail: string;
  authorName: string;
  committedAt: Date | null;
  msgids: readonly string[];
}

export interface PatchMatch {
  sha: string;
  how: MergeHow;
  at: Date | null;
}

/** Posting time may be ahead of the committer's clock by this much. */
export const CLOCK_SLACK_MS = 86_400_000;

/** Message-IDs a commit message names in `Link:` and `Message-Id:` trailers, in order, once each. */
export function commitMessageIds(message: string): string[] {
  const ids: string[] = [];
  for (const line of message.split("\n")) {
    const trailer = /^\s*(link|message-id)\s*:\s*(\S.*?)\s*$/i.exec(line);
    if (!trailer) continue;
    const value = trailer[2]!;
    const id =
      trailer[1]!.toLowerCase() === "link"
        ? messageIdFromUrl(value.split(/\s/)[0]!.replace(/^<|>$/g, ""))
        : normalizeMessageId(value);
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** A subject reduced to what survives `git am` and a maintainer's light touch. */
export function subjectKey(subject: string): string {
  return normalizeTitle(parseSubject(subject).title);
}

/**
 * A name as compared: case and spacing aside, and without the ` via <list>` a DMARC-munging
 * list adds (a commit made with plain `git am` keeps the munged `From:`).
 */
function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ via \S+$/, "");
}

function sameAuthor(p: PatchToMatch, c: CommitToMatch): boolean {
  if (p.authorEmail && p.authorEmail.toLowerCase() === c.authorEmail.toLowerCase()) return true;
  const name = normalizeName(p.authorName);
  return name.length > 0 && name === normalizeName(c.authorName);
}

function notBefore(p: PatchToMatch, c: CommitToMatch): boolean {
  if (!p.postedAt || !c.committedAt) return true;
  return c.committedAt.getTime() >= p.postedAt.getTime() - CLOCK_SLACK_MS;
}

function earliest(commits: CommitToMatch[]): CommitToMatch | undefined {
  let best: CommitToMatch | undefined;
  for (const c of commits) {
    if (!best) best = c;
    else if ((c.committedAt?.getTime() ?? Infinity) < (best.committedAt?.getTime() ?? Infinity)) best = c;
  }
  return best;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The commit each patch was merged as, by the first method (of `methods`, in MERGE_METHODS
 * order) that finds one. A commit may take several patches: revisions of one patch share
 * its diff, and all of them are matched.
 */
export function matchPatches(
  patches: readonly PatchToMatch[],
  commits: readonly CommitToMatch[],
  methods: readonly MergeHow[] = MERGE_METHODS,
): Map<string, PatchMatch> {
  const byPatchId = new Map<string, CommitToMatch[]>();
  const byMsgid = new Map<string, CommitToMatch[]>();
  const bySubject = new Map<string, CommitToMatch[]>();
  for (const c of commits) {
    if (c.patchId) push(byPatchId, c.patchId, c);
    for (const id of c.msgids) push(byMsgid, id, c);
    const key = subjectKey(c.subject);
    if (key) push(bySubject, key, c);
  }
  const found = new Map<string, PatchMatch>();
  for (const p of patches) {
    for (const how of MERGE_METHODS) {
      if (!methods.includes(how)) continue;
      let candidates: CommitToMatch[] = [];
      if (how === "patch-id" && p.patchId)
        candidates = (byPatchId.get(p.patchId) ?? []).filter((c) => notBefore(p, c));
      if (how === "message-id") candidates = byMsgid.get(p.msgid) ?? [];
      if (how === "subject") {
        const key = subjectKey(p.title);
        if (key) candidates = (bySubject.get(key) ?? []).filter((c) => sameAuthor(p, c) && notBefore(p, c));
      }
      const commit = earliest(candidates);
      if (commit) {
        found.set(p.key, { sha: commit.sha, how, at: commit.committedAt });
        break;
      }
    }
  }
  return found;
}

export interface SeriesPatchState {
  index: number;
  title: string;
  match: PatchMatch | null;
}

export interface SeriesMergeState {
  mergedAt: Date | null;
  /** The commits that took its patches, in patch order, once each. */
  commits: string[];
  /** Which patches no commit was found for; null when all were. */
  note: string | null;
}

/**
 * A series is merged when at least half of its patches are: the others were squashed into
 * a neighbour, reworded beyond recognition or dropped by the maintainer, and the note says
 * which. Fewer than half (one fix picked from a series of five) leaves the series open: the
 * rest still wait for someone. It is merged when the last matched commit was made.
 */
export function seriesMergeState(patches: readonly SeriesPatchState[]): SeriesMergeState | null {
  const sorted = [...patches].sort((a, b) => a.index - b.index);
  const matched = sorted.filter((p) => p.match);
  if (matched.length === 0 || matched.length * 2 < sorted.length) return null;
  let mergedAt: Date | null = null;
  for (const p of matched) {
    const at = p.match!.at;
    if (at && (!mergedAt || at > mergedAt)) mergedAt = at;
  }
  const commits = [...new Set(matched.map((p) => p.match!.sha))];
  const missing = sorted.filter((p) => !p.match);
  const total = sorted.length;
  const note =
    missing.length === 0
      ? null
      : `${missing.length} of ${total} patches not found upstream (squashed into another commit, reworded or dropped): ` +
        missing.map((p) => `${p.index}/${total} "${p.title}"`).join(", ");
  return { mergedAt, commits, note };
}
