import { PatchwatchError } from "../../errors";
import type { ResponsibleEntry } from "../../maintainers/who-to-ping";
import { classifyLost, closedBecause, othersAnswers, wholeDays, type LostVerdict } from "../../series/lost";
import { pingPeople, type PingPeople } from "../../series/ping-people";
import type { Db } from "../client";
import { findLostProject, loadSeriesPeople, type LostProject } from "./thread-people";
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

/**
 * A series is orphaned when its people were computed from MAINTAINERS and no file it
 * touches has a maintainer who looks after it as a duty: every `maintainer` row (the
 * next-best rows of parent directories and the catch-all THE REST aside) has the status
 * Orphan, Odd Fixes or Obsolete, or there is none.
 */
export const ORPHANED_WHERE = `AND s.responsible_blob IS NOT NULL
       AND NOT EXISTS (
         SELECT 1 FROM series_responsible r
          WHERE r.series_id = s.id AND r.role = 'maintainer'
            AND coalesce(r.sections[1], '') NOT LIKE 'parent directory: %'
            AND coalesce(r.sections[1], '') <> 'THE REST'
            AND coalesce(r.status, '') !~* '^\\s*(orphan|odd\\s*fix|obsolete)')`;

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
    extraWhere: ORPHANED_WHERE,
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
