import type { ThreadPeople } from "../series/ping-people";

const REVIEW = /^(reviewed|acked)-by$/i;

interface PersonRef {
  name: string;
  email: string;
}

/** The parts of a series page this reads. */
export interface SeriesTakingPart {
  author: PersonRef;
  patches: { trailers: { kind: string; name: string; email: string }[] }[];
  thread: { author: PersonRef }[];
}

/**
 * Who took part in a series, from what its page already loaded: the non-author
 * Reviewed-by/Acked-by of its patches and the people who answered in its thread. For a
 * tree without MAINTAINERS these are the best guess at whom to ask (lib/series/ping-people).
 */
export function threadPeopleOf(s: SeriesTakingPart, projectLists: string[]): ThreadPeople {
  const reviewers = s.patches.flatMap((p) =>
    p.trailers
      .filter((t) => REVIEW.test(t.kind) && t.email !== "")
      .map((t) => ({ email: t.email, name: t.name })),
  );
  const repliers = s.thread.map((m) => ({ email: m.author.email, name: m.author.name }));
  return { authorEmail: s.author.email, reviewers, earlierReviewers: [], repliers, projectLists };
}
