import { compareArrival } from "./order";
import type { SeriesMessage } from "./types";

/** Parent links between the messages present, and walks over them. */
export interface Thread {
  byId: ReadonlyMap<string, SeriesMessage>;
  /** The nearest known ancestor of each message that has one. */
  parent: ReadonlyMap<string, string>;
}

/**
 * The parent of a message is its In-Reply-To when that message is present, otherwise
 * the nearest present message in References (read from the end). Climbing matters when
 * a thread began before the archive or a message in the middle was lost: patchew #130
 * dropped a series delivered out of order, here order never matters because only the
 * set of present messages is consulted.
 */
export function parentOf(m: SeriesMessage, byId: ReadonlyMap<string, SeriesMessage>): string | null {
  if (m.inReplyTo && m.inReplyTo !== m.msgid && byId.has(m.inReplyTo)) return m.inReplyTo;
  for (let i = m.references.length - 1; i >= 0; i--) {
    const id = m.references[i];
    if (id && id !== m.msgid && byId.has(id)) return id;
  }
  return null;
}

export function buildThread(byId: ReadonlyMap<string, SeriesMessage>): Thread {
  const parent = new Map<string, string>();
  for (const m of byId.values()) {
    const p = parentOf(m, byId);
    if (p) parent.set(m.msgid, p);
  }
  breakCycles(parent, byId);
  return { byId, parent };
}

/**
 * Hostile or broken headers can make A reply to B and B to A. Each cycle is cut at its
 * earliest message, which becomes a root: the choice depends only on the cycle itself,
 * never on the order the walk visited it.
 */
function breakCycles(parent: Map<string, string>, byId: ReadonlyMap<string, SeriesMessage>): void {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: finished
  for (const start of byId.keys()) {
    const path: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = parent.get(cur);
    }
    if (cur !== undefined && state.get(cur) === 1) {
      const cycle = path.slice(path.indexOf(cur));
      const earliest = cycle.reduce((a, b) => (compareArrival(byId.get(a)!, byId.get(b)!) <= 0 ? a : b));
      parent.delete(earliest);
    }
    for (const id of path) state.set(id, 2);
  }
}

/**
 * For every message, the nearest proper ancestor satisfying `isStop`, or null.
 * Memoised over the parent chain, so a 100,000-message thread costs O(n), not O(n²).
 */
export function nearestAbove(
  thread: Thread,
  isStop: (msgid: string) => boolean,
): (msgid: string) => string | null {
  const memo = new Map<string, string | null>();
  return (msgid) => {
    const chain: string[] = [];
    let cur: string | undefined = msgid;
    let found: string | null = null;
    while (cur !== undefined) {
      const known = memo.get(cur);
      if (known !== undefined) {
        found = known;
        break;
      }
      chain.push(cur);
      const p = thread.parent.get(cur);
      if (p !== undefined && isStop(p)) {
        found = p;
        break;
      }
      cur = p;
    }
    // Every message on the chain has the same answer: the first stop above the top one.
    for (const id of chain) memo.set(id, found);
    return found;
  };
}
