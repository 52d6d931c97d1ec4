import { LOOSE_WINDOW_MS } from "../cluster-loose";
import { hintMsgids, isLooseCandidate, type ClosureMessage, type ClosureStore } from "../closure";
import { senderEmail } from "../members";
import { compareStrings, timeOf } from "../order";
import type { SeriesMessage, SeriesPlan } from "../types";

/**
 * The closure store of lib/db/series/closure-sql.ts, over memory: `messages` is the whole
 * project (new messages included), `current` the plan the store holds for the project
 * before the new messages (what the database would hold). Keys are Message-IDs and a
 * series is named by its head.
 */
export function memoryStore(messages: readonly SeriesMessage[], current: SeriesPlan): ClosureStore {
  const byId = new Map(messages.map((m) => [m.msgid, m]));
  const seriesOf = currentSeriesOf(current);
  const load = (keys: Iterable<string>) => {
    const out: ClosureMessage[] = [];
    for (const k of keys) {
      const msg = byId.get(k);
      if (msg) out.push({ key: k, msg, seriesId: seriesOf.get(k) ?? null });
    }
    return out;
  };
  return {
    load: async (keys) => load(keys),
    async find(q, known) {
      const named = new Set(q.named);
      const cited = new Set(q.cited);
      const hinted = new Set(q.hinted);
      const series = new Set(q.seriesIds);
      const topicKeys = new Set(q.topicKeys);
      const changeIds = new Set(q.changeIds);
      for (const s of current.series) {
        if (topicKeys.has(s.topicKey) || (s.changeId !== null && changeIds.has(s.changeId)))
          series.add(s.headMsgid);
      }
      const probes = q.loose.map((k) => byId.get(k)!).filter((m) => m !== undefined);
      const out: string[] = [];
      for (const m of messages) {
        const s = seriesOf.get(m.msgid);
        if (known.has(m.msgid)) continue;
        if (
          named.has(m.msgid) ||
          (m.inReplyTo !== null && cited.has(m.inReplyTo)) ||
          m.references.some((r) => cited.has(r)) ||
          hintMsgids(m.hints).some((id) => hinted.has(id)) ||
          (s !== undefined && series.has(s)) ||
          (isLooseCandidate(m) && probes.some((p) => looseNeighbours(p, m)))
        )
          out.push(m.msgid);
      }
      return load(out);
    },
  };
}

/** The series each message counts for in a plan, as the database's project_message.series_id says. */
export function currentSeriesOf(plan: SeriesPlan): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of plan.classifications) {
    if ((c.role === "cover" || c.role === "patch" || c.role === "reply") && c.series !== null)
      out.set(c.msgid, c.series);
  }
  return out;
}

function looseNeighbours(a: SeriesMessage, b: SeriesMessage): boolean {
  if (senderEmail(a) !== senderEmail(b)) return false;
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta === Number.POSITIVE_INFINITY || tb === Number.POSITIVE_INFINITY) return ta === tb;
  return Math.abs(ta - tb) <= LOOSE_WINDOW_MS;
}

/**
 * What the database holds after lib/db/series/write-series-plan.ts wrote `partial` (the
 * plan of the closure `closure`) over `current`: the current series touching the
 * closure are replaced by the partial plan's, their links too, and the closure's
 * messages are classified anew. Lists come back in assembleSeries' orders.
 */
export function applyPartialPlan(
  current: SeriesPlan,
  closure: ReadonlySet<string>,
  partial: SeriesPlan,
  arrival: (a: string, b: string) => number,
): SeriesPlan {
  const seriesOf = currentSeriesOf(current);
  const scope = new Set<string>();
  for (const id of closure) {
    const s = seriesOf.get(id);
    if (s !== undefined) scope.add(s);
  }
  const written = new Set(partial.series.map((s) => s.headMsgid));
  const replaced = new Set([...scope, ...written]);
  const series = [...current.series.filter((s) => !replaced.has(s.headMsgid)), ...partial.series];
  const revisionLinks = [
    ...current.revisionLinks.filter((l) => !replaced.has(l.older) && !replaced.has(l.newer)),
    ...partial.revisionLinks,
  ];
  const classifications = [
    ...current.classifications.filter((c) => !closure.has(c.msgid)),
    ...partial.classifications,
  ];
  return {
    series: series.sort((a, b) => arrival(a.headMsgid, b.headMsgid)),
    revisionLinks: revisionLinks.sort(
      (a, b) => compareStrings(a.older, b.older) || compareStrings(a.newer, b.newer),
    ),
    classifications: classifications.sort((a, b) => compareStrings(a.msgid, b.msgid)),
  };
}
