// Reacts to: a request for a project's lost series (the lost page, the API). Decides from
// "series updated", replies and reviews; emits nothing (a read).

import type { Db } from "../../db/client";
import type { LostCandidate } from "../../db/lost/lost-candidates";
import {
  findLostProject,
  loadSeriesPeople,
  type LostProject,
  type SeriesPeopleFacts,
} from "../../db/lost/thread-people";
import { PatchwatchError } from "../../errors";
import { composePing, type Ping } from "../../notify/ping";
import { seriesUrl } from "../../routes";
import { classifyLost, othersAnswers, type LostVerdict } from "../../series/lost";
import { pingPeople, type PingPeople } from "../../series/ping-people";
import { walkCurrentSeries } from "./walk-current";

export interface LostRow {
  id: bigint;
  project: string;
  headMsgid: string;
  title: string;
  subject: string;
  author: { name: string; email: string };
  version: number;
  total: number;
  received: number;
  date: Date | null;
  verdict: LostVerdict;
  people: PingPeople;
  ping: Ping;
}

export interface LostPage {
  project: LostProject;
  rows: LostRow[];
  next: string | null;
  /** Current series looked at to fill the page (what the walk cost). */
  examined: number;
}

export const DEFAULT_LOST_LIMIT = 50;
export const MAX_LOST_LIMIT = 200;
const DAY_MS = 86_400_000;

/**
 * The lost series of a project, newest posting first, one keyset page at a time: current
 * series are walked in batches down series_current_date_idx and classified
 * (lib/series/lost.ts) until the page is full; only the page's rows then get their people
 * and their ping. Series posted less than min(N, M) days ago cannot be lost and are skipped
 * by the index.
 */
export async function listLost(
  db: Db,
  options: { project: string; now: Date; limit?: number; after?: string; publicUrl?: string },
): Promise<LostPage | null> {
  const project = await findLostProject(db, options.project);
  if (!project) return null;
  const limit = options.limit ?? DEFAULT_LOST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOST_LIMIT) {
    throw new PatchwatchError("bad-request", `limit must be 1 to ${MAX_LOST_LIMIT}`);
  }
  const settings = {
    lostAfterDays: project.lostAfterDays,
    reviewedUnmergedDays: project.reviewedUnmergedDays,
  };
  const postedBefore = new Date(
    options.now.getTime() - Math.min(settings.lostAfterDays, settings.reviewedUnmergedDays) * DAY_MS,
  );
  const walk = await walkCurrentSeries(db, {
    projectId: project.id,
    postedBefore,
    after: options.after,
    limit,
    keep: (candidate) => classifyLost(candidate.facts, settings, options.now),
  });
  const page = walk.kept.map(({ candidate, value }) => ({ candidate, verdict: value }));
  const people = await loadSeriesPeople(
    db,
    project.id,
    page.map(({ candidate }) => ({
      id: candidate.id,
      authorEmail: candidate.authorEmail,
      revisions: candidate.revisions,
    })),
  );
  const rows = page.map(({ candidate, verdict }) =>
    lostRow(project, candidate, verdict, people.get(candidate.id), options.publicUrl),
  );
  return { project, rows, next: walk.next, examined: walk.examined };
}

function lostRow(
  project: LostProject,
  c: LostCandidate,
  verdict: LostVerdict,
  facts: SeriesPeopleFacts | undefined,
  publicUrl: string | undefined,
): LostRow {
  const repliers = othersAnswers(c.facts)
    .sort((a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0))
    .map((r) => ({ email: r.email, name: r.name }));
  const people = pingPeople(
    facts?.responsible ?? [],
    {
      authorEmail: c.authorEmail,
      repliers,
      reviewers: facts?.reviewers ?? [],
      earlierReviewers: facts?.earlierReviewers ?? [],
      projectLists: project.lists,
    },
    { mergers: verdict.reason === "reviewed-not-merged" },
  );
  const inReplyTo = c.coverMsgid ?? c.headMsgid;
  const ping = composePing({
    reason: verdict.reason,
    subject: c.subject,
    title: c.title,
    version: c.version,
    total: c.total,
    inReplyTo,
    author: { name: c.authorName, email: c.authorEmail },
    posted: c.facts.date,
    days: verdict.days,
    waitsFor: verdict.waitsFor,
    to: people.toPing.map((p) => p.email),
    lists: people.lists,
    requestedBy: verdict.requestedBy,
    url: publicUrl ? seriesUrl(publicUrl, project.name, c.headMsgid) : undefined,
  });
  return {
    id: c.id,
    project: project.name,
    headMsgid: c.headMsgid,
    title: c.title,
    subject: c.subject,
    author: { name: c.authorName, email: c.authorEmail },
    version: c.version,
    total: c.total,
    received: c.received,
    date: c.facts.date,
    verdict,
    people,
    ping,
  };
}
