// Reacts to: a request for a project's orphaned series (the lost page). Decides from the
// series' responsible people (series_responsible) and thread; emits nothing (a read).

import type { Db } from "../../db/client";
import { findLostProject, loadSeriesPeople, type LostProject } from "../../db/lost/thread-people";
import { PatchwatchError } from "../../errors";
import type { ResponsibleEntry } from "../../maintainers/who-to-ping";
import { classifyLost, closedBecause, othersAnswers, wholeDays, type LostVerdict } from "../../series/lost";
import { pingPeople, type PingPeople } from "../../series/ping-people";
import { walkCurrentSeries } from "./walk-current";

export interface OrphanedRow {
  id: bigint;
  project: string;
  headMsgid: string;
  title: string;
  author: { name: string; email: string };
  version: number;
  total: number;
  date: Date | null;
  /** Whole days since it was posted. */
  days: number;
  /** Also lost, and why, when it is. */
  lost: LostVerdict | null;
  /** The next best people to ask (parent directories' maintainers, then the thread's people). */
  people: PingPeople;
  /** Everything MAINTAINERS says about its files (odd fixers, lists, next-best rows). */
  responsible: ResponsibleEntry[];
}

export interface OrphanedPage {
  project: LostProject;
  rows: OrphanedRow[];
  next: string | null;
}

/** The orphaned current series of a project, newest first, a keyset page at a time. */
export async function listOrphaned(
  db: Db,
  options: { project: string; now: Date; limit?: number; after?: string },
): Promise<OrphanedPage | null> {
  const project = await findLostProject(db, options.project);
  if (!project) return null;
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new PatchwatchError("bad-request", "limit must be 1 to 200");
  }
  const walk = await walkCurrentSeries(db, {
    projectId: project.id,
    postedBefore: options.now,
    after: options.after,
    limit,
    which: "orphaned",
    keep: (c) => (closedBecause(c.facts) === null ? true : null),
  });
  const people = await loadSeriesPeople(
    db,
    project.id,
    walk.kept.map(({ candidate: c }) => ({ id: c.id, authorEmail: c.authorEmail, revisions: c.revisions })),
  );
  const settings = {
    lostAfterDays: project.lostAfterDays,
    reviewedUnmergedDays: project.reviewedUnmergedDays,
  };
  const rows = walk.kept.map(({ candidate: c }): OrphanedRow => {
    const facts = people.get(c.id);
    return {
      id: c.id,
      project: project.name,
      headMsgid: c.headMsgid,
      title: c.title,
      author: { name: c.authorName, email: c.authorEmail },
      version: c.version,
      total: c.total,
      date: c.facts.date,
      days: c.facts.date ? wholeDays(c.facts.date, options.now) : 0,
      lost: classifyLost(c.facts, settings, options.now),
      people: pingPeople(facts?.responsible ?? [], {
        authorEmail: c.authorEmail,
        repliers: othersAnswers(c.facts).map((r) => ({ email: r.email, name: r.name })),
        reviewers: facts?.reviewers ?? [],
        earlierReviewers: facts?.earlierReviewers ?? [],
        projectLists: project.lists,
      }),
      responsible: facts?.responsible ?? [],
    };
  });
  return { project, rows, next: walk.next };
}
