import {
  isNextBest,
  personStates,
  whoToPing,
  type PersonState,
  type ResponsibleEntry,
} from "../maintainers/who-to-ping";

/**
 * Whom to ping about a lost series. With MAINTAINERS (series_responsible rows) these are
 * the maintainers and reviewers of its files who have not answered, most relevant first,
 * and its lists. Without them, the next best: people who reviewed an earlier revision or
 * answered in the thread (they know the series), then the project's lists.
 */

export type { ResponsibleEntry } from "../maintainers/who-to-ping";

export interface ThreadPeople {
  authorEmail: string;
  /** Non-author people who answered this revision (not programs), oldest first. */
  repliers: { email: string; name: string }[];
  /** Non-author Reviewed-by/Acked-by on this revision's patches. */
  reviewers: { email: string; name: string }[];
  /** Non-author Reviewed-by/Acked-by on earlier revisions of the topic, most recent first. */
  earlierReviewers: { email: string; name: string }[];
  /** The project's list addresses. */
  projectLists: string[];
}

export interface PingPerson {
  email: string;
  name: string;
  /** Why this person: maintainer, reviewer (MAINTAINERS R:), or what they did in the thread. */
  why: string;
}

export interface PingPeople {
  source: "maintainers" | "thread";
  toPing: PingPerson[];
  lists: string[];
}

const key = (email: string) => email.trim().toLowerCase();

function uniquePeople(people: PingPerson[], skip: Set<string>): PingPerson[] {
  const out: PingPerson[] = [];
  for (const p of people) {
    const k = key(p.email);
    if (k === "" || skip.has(k)) continue;
    skip.add(k);
    out.push({ ...p, email: k });
  }
  return out;
}

/**
 * `mergers` asks for the people who take patches (a reviewed series waits for them, even
 * when they have already answered); otherwise those who have not answered come first.
 */
export function pingPeople(
  responsible: ResponsibleEntry[],
  thread: ThreadPeople,
  options: { mergers?: boolean } = {},
): PingPeople {
  const author = key(thread.authorEmail);
  if (responsible.some((r) => r.role !== "list")) {
    const facts = {
      authorEmails: [author],
      repliedEmails: thread.repliers.map((p) => p.email),
      reviewedEmails: thread.reviewers.map((p) => p.email),
      ccdEmails: [],
    };
    const lists = personStates(responsible, facts)
      .filter((p) => p.role === "list")
      .map((p) => p.email);
    const mergers = personStates(responsible, facts).filter((p) => p.role === "maintainer" && !isNextBest(p));
    // A reviewed series waits for whoever takes patches, answered or not.
    const chosen = options.mergers && mergers.length > 0 ? mergers : whoToPing(responsible, facts);
    const toPing = uniquePeople(
      (chosen.length > 0 ? chosen : mergers).map((p) => ({ email: p.email, name: p.name, why: why(p) })),
      new Set([author]),
    );
    return { source: "maintainers", toPing, lists: lists.length > 0 ? lists : thread.projectLists.map(key) };
  }
  const toPing = uniquePeople(
    [
      ...thread.reviewers.map((p) => ({ ...p, why: "reviewed this revision" })),
      ...thread.earlierReviewers.map((p) => ({ ...p, why: "reviewed an earlier revision" })),
      ...thread.repliers.map((p) => ({ ...p, why: "answered in the thread" })),
    ],
    new Set([author]),
  );
  return { source: "thread", toPing, lists: thread.projectLists.map(key) };
}

function why(p: PersonState): string {
  const role = isNextBest(p) ? "next best" : p.role;
  return p.sections.length > 0 ? `${role}: ${p.sections.join(", ")}` : role;
}
