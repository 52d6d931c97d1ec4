import type { MessageHints } from "../mail/types";
import { senderEmail } from "./members";
import { compareStrings } from "./order";
import { topicKeyFrom } from "./revision-evidence";
import type { SeriesMessage } from "./types";

/**
 * The affected closure of new messages, for incremental assembly
 * (lib/flows/ingest/update-project-series.ts): a set of the project's messages, starting
 * from the new ones, that is closed under every relation assembleSeries reads, so that
 * assembling that set alone gives, for every series touching it, exactly what
 * assembling the whole project gives, and leaves every other series as it was.
 *
 * This file decides, from the messages already in the set, what to look up next; the
 * store (SQL in lib/db, memory in tests) answers. The relations, and who reads them:
 *
 * 1. Thread, up: every present message a message names in In-Reply-To/References. The
 *    parent is the nearest present one (thread.ts); group-patches, attach-replies and
 *    cluster-loose walk up the parent chain.
 * 2. Thread, down and sideways: every message naming (In-Reply-To/References) a message
 *    of the set, or naming an id a message of the set names, present or not. A message
 *    arriving late becomes the parent of earlier ones; fragments of a series whose cover
 *    letter is missing share that absent anchor (cluster-loose.ts).
 * 3. Series: every message of the series a message counts for now (cover, patch or
 *    reply), so that a series is re-derived whole and replaced whole. The other
 *    relations imply it (closure.test.ts); it stays as one cheap index probe.
 * 4. Hints, both ways: the messages a message's Supersedes:, "v1: <link>" and Based-on:
 *    lines name, and the messages whose lines name it. Revision links and dependencies
 *    resolve to the series holding the named message (revision-evidence.ts,
 *    dependencies.ts), whose head may change.
 * 5. Topics: every current series with the topic key (sender + normalised title) or b4
 *    change-id a member candidate of the set would give its series. chainBy links
 *    neighbours in version order, so one more revision moves its neighbours' links;
 *    obsolescence (revisions.ts) and tag carry-over (carry-over.ts) read whole topics.
 * 6. Loose fragments: member candidates without threading headers from the same sender
 *    whose dates lie within LOOSE_WINDOW_MS of one in the set (cluster-loose.ts keeps a
 *    cluster open until a gap longer than the window, so the window is chained by
 *    iterating). Messages of one git send-email/b4 run are related by 1, 2 or 6.
 *
 * Carry-over, replyToPrevious and partial rerolls need nothing more: they read the
 * topic (5) or the thread above (1). Iterating to a fixpoint makes every relation
 * transitive, so a topic or a thread comes in whole.
 */

/** A message of the project as the closure sees it. */
export interface ClosureMessage {
  /** The store's key for it (message.id in the database). */
  key: string;
  msg: SeriesMessage;
  /** The series it counts for now (as cover, patch or reply), in the store's terms. */
  seriesId: string | null;
}

/** What to look up next; every list is sorted and free of repeats. */
export interface ClosureLookup {
  /** Present messages with these Message-IDs (thread targets and hint targets: 1, 4). */
  named: string[];
  /** Messages whose In-Reply-To or References hold one of these (2). */
  cited: string[];
  /** Messages whose hints name one of these Message-IDs (4, the other way). */
  hinted: string[];
  /** Every message of these current series (3). */
  seriesIds: string[];
  /** Every message of the current series with these topic keys or change-ids (5). */
  topicKeys: string[];
  changeIds: string[];
  /** Keys of messages whose unthreaded same-sender neighbours within the window are wanted (6). */
  loose: string[];
}

/** Kinds classifyMember can make a cover letter or patch of. */
export function isMemberCandidate(m: SeriesMessage): boolean {
  return m.kind === "patch" || m.kind === "cover" || m.kind === "pull";
}

/**
 * A fragment cluster-loose.ts buckets by sender and time alone: a member candidate whose
 * thread anchor (first Reference, else In-Reply-To) is empty. lib/mail never yields an
 * empty Message-ID, so a threaded fragment's anchor (its root's) is never empty.
 */
export function isLooseCandidate(m: SeriesMessage): boolean {
  return isMemberCandidate(m) && (m.references[0] ?? m.inReplyTo ?? "") === "";
}

/** Every Message-ID a message's hints name (stored as message.hint_msgids). */
export function hintMsgids(hints: MessageHints): string[] {
  return sortedUnique([...hints.basedOn, ...hints.supersedes, ...hints.previousVersions]);
}

/** The topic key the series would have if this message were its head; null when it cannot head a linked topic. */
export function potentialTopicKey(m: SeriesMessage): string | null {
  const email = senderEmail(m);
  return isMemberCandidate(m) && email ? topicKeyFrom(email, m.parsedSubject.title) : null;
}

/** What the messages just added to the set ask to look up. */
export function closureLookup(frontier: readonly ClosureMessage[]): ClosureLookup {
  const named: string[] = [];
  const cited: string[] = [];
  const hinted: string[] = [];
  const seriesIds: string[] = [];
  const topicKeys: string[] = [];
  const changeIds: string[] = [];
  const loose: string[] = [];
  for (const { key, msg, seriesId } of frontier) {
    const threadNames = msg.inReplyTo === null ? msg.references : [...msg.references, msg.inReplyTo];
    named.push(...threadNames, ...hintMsgids(msg.hints));
    cited.push(msg.msgid, ...threadNames);
    hinted.push(msg.msgid);
    if (seriesId !== null) seriesIds.push(seriesId);
    const topic = potentialTopicKey(msg);
    if (topic !== null) topicKeys.push(topic);
    if (isMemberCandidate(msg) && msg.hints.changeId) changeIds.push(msg.hints.changeId);
    if (isLooseCandidate(msg)) loose.push(key);
  }
  return {
    named: sortedUnique(named),
    cited: sortedUnique(cited),
    hinted: sortedUnique(hinted),
    seriesIds: sortedUnique(seriesIds),
    topicKeys: sortedUnique(topicKeys),
    changeIds: sortedUnique(changeIds),
    loose: sortedUnique(loose),
  };
}

/** Where the closure's messages come from. */
export interface ClosureStore {
  /** The project's messages with these keys (keys of other messages are skipped). */
  load(keys: readonly string[]): Promise<ClosureMessage[]>;
  /** The project's messages that match any part of the lookup, except those with a key in `known`. */
  find(lookup: ClosureLookup, known: ReadonlySet<string>): Promise<ClosureMessage[]>;
}

export interface Closure {
  messages: ClosureMessage[];
  /** Lookup rounds until nothing new was found. */
  rounds: number;
}

/**
 * The fixpoint: look up what the newest messages ask for, keep what was not known yet,
 * repeat. Each message asks once, so the cost follows the size of the closure, not of
 * the project.
 */
export async function closeOver(seeds: readonly string[], store: ClosureStore): Promise<Closure> {
  const messages: ClosureMessage[] = [];
  const known = new Set<string>();
  let frontier = await store.load(sortedUnique(seeds));
  let rounds = 0;
  while (frontier.length > 0) {
    for (const m of frontier) {
      known.add(m.key);
      messages.push(m);
    }
    rounds++;
    const found = await store.find(closureLookup(frontier), known);
    const fresh = new Map(found.filter((m) => !known.has(m.key)).map((m) => [m.key, m]));
    frontier = [...fresh.values()];
  }
  return { messages, rounds };
}

function sortedUnique(list: readonly string[]): string[] {
  return [...new Set(list)].sort(compareStrings);
}
