import type { ResponsibleEntry } from "./responsible";
import { personStates, whoToPing, type PersonState, type ThreadFacts } from "./who-to-ping";

/** What is stored of a series' responsible people (series_responsible) and of its thread. */
export interface SeriesResponsibleFacts {
  /** The MAINTAINERS blob series_responsible was computed from; null when it was not computed. */
  responsibleBlob: string | null;
  /** The series_responsible rows, most relevant first. */
  responsible: ResponsibleEntry[];
  thread: ThreadFacts;
  /** The project, or its parent, has a git tree to read MAINTAINERS from. */
  hasTree: boolean;
  /** Why MAINTAINERS could not be read from that tree, if it could not. */
  maintainersError: string | null;
}

/** Who is responsible for a series and who of them to ping (series_responsible and the thread). */
export interface SeriesPeople {
  /** "maintainers": computed from the MAINTAINERS blob `blob`; "none": not (see note). */
  source: "maintainers" | "none";
  blob: string | null;
  /** Most relevant first. */
  people: PersonState[];
  /** Maintainers, then reviewers, who have neither replied nor reviewed; never the author or a list. */
  toPing: PersonState[];
  /** Why there are no people: no git tree, no MAINTAINERS file in it, not computed yet. Null with source "maintainers". */
  note: string | null;
}

/** The people responsible for a series, what each did in its thread, and who to ping; `null` facts: no such series. */
export function seriesPeople(facts: SeriesResponsibleFacts | null): SeriesPeople {
  if (!facts) return { source: "none", blob: null, people: [], toPing: [], note: "no such series" };
  if (facts.responsibleBlob === null) {
    const note = !facts.hasTree
      ? "the project has no git tree to read MAINTAINERS from"
      : (facts.maintainersError ?? "not computed yet");
    return { source: "none", blob: null, people: [], toPing: [], note };
  }
  return {
    source: "maintainers",
    blob: facts.responsibleBlob,
    people: personStates(facts.responsible, facts.thread),
    toPing: whoToPing(facts.responsible, facts.thread),
    note: null,
  };
}
