import { PARENT_DIRECTORY_PREFIX } from "./next-best";
import type { ResponsibleEntry } from "./responsible";

export type { ResponsibleEntry } from "./responsible";

/** What a series' thread says about people, by address (compared without case). */
export interface ThreadFacts {
  /** The series author's addresses: never someone to ping. */
  authorEmails: readonly string[];
  /** Senders of replies in the series' thread. */
  repliedEmails: readonly string[];
  /** Addresses named by Reviewed-by/Acked-by trailers that count for its patches. */
  reviewedEmails: readonly string[];
  /** Addresses the series' cover letter and patches were sent To or Cc. */
  ccdEmails: readonly string[];
}

/** A responsible person or list with what they did in the thread. */
export interface PersonState {
  email: string;
  name: string;
  role: "maintainer" | "reviewer" | "list";
  sections: string[];
  status: string | null;
  rank: number;
  replied: boolean;
  reviewed: boolean;
  ccd: boolean;
}

const lowerSet = (emails: readonly string[]) => new Set(emails.map((e) => e.trim().toLowerCase()));

/** A next-best person for an orphaned file (next-best.ts), not one the file names. */
export function isNextBest(person: Pick<ResponsibleEntry, "sections">): boolean {
  return person.sections[0]?.startsWith(PARENT_DIRECTORY_PREFIX) ?? false;
}

/** Every responsible entry, most relevant first, marked with what the thread shows of it. */
export function personStates(people: readonly ResponsibleEntry[], thread: ThreadFacts): PersonState[] {
  const replied = lowerSet(thread.repliedEmails);
  const reviewed = lowerSet(thread.reviewedEmails);
  const ccd = lowerSet(thread.ccdEmails);
  return [...people]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => {
      const email = p.email.toLowerCase();
      return {
        email,
        name: p.name,
        role: p.role,
        sections: p.sections,
        status: p.status,
        rank: p.rank,
        replied: replied.has(email),
        reviewed: reviewed.has(email),
        ccd: ccd.has(email),
      };
    });
}

/**
 * Who to ping: the maintainers, then the reviewers, the files name who have neither
 * replied nor reviewed, then the next-best maintainers of orphaned files' parent
 * directories; by rank within each. Lists are never pinged (a ping goes to them on Cc),
 * nor is the series author.
 */
export function whoToPing(people: readonly ResponsibleEntry[], thread: ThreadFacts): PersonState[] {
  const author = lowerSet(thread.authorEmails);
  const group = (p: PersonState) => (isNextBest(p) ? 2 : p.role === "maintainer" ? 0 : 1);
  return personStates(people, thread)
    .filter((p) => p.role !== "list" && !p.replied && !p.reviewed && !author.has(p.email))
    .sort((a, b) => group(a) - group(b) || a.rank - b.rank);
}
