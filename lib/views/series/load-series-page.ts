import { checksOverview } from "../../checks/checks-overview";
import type { Db } from "../../db/client";
import { getSeriesResponsibleFactsByHead } from "../../db/maintainers/series-responsible-facts";
import { findSeriesOfMessage } from "../../db/series/find-series-of-message";
import { seriesPeople, type SeriesPeople } from "../../maintainers/series-people";
import { pingPeople, type PingPeople } from "../../series/ping-people";
import { seriesMessageHref } from "../../routes";
import { type PreparedFile, prepareDiffs } from "../../ui/prepare-diffs";
import { threadPeopleOf } from "../../ui/thread-people";
import { configuredTests, projectSettings } from "../project-settings";
import { getSeriesPage, type SeriesPage } from "./series-page";

type ChecksOverview = ReturnType<typeof checksOverview>;

/** The series page's view: the series, whom to ask, its checks, and its diffs ready to render. */
export interface SeriesPageView {
  kind: "series";
  series: SeriesPage;
  people: SeriesPeople;
  /** Whom to ask from the thread, when the project has no MAINTAINERS data; otherwise null. */
  fromThread: PingPeople | null;
  untested: ChecksOverview["untested"];
  testsSummary: ChecksOverview["summary"];
  /** The prepared files of each patch, in patch order. */
  files: PreparedFile[][];
}

/** `/<project>/<msgid>` named a patch or a reply: its place on its series' page. */
export interface SeriesPageRedirect {
  kind: "redirect";
  href: string;
}

/**
 * The page of the series headed by `msgid`, the place of a member message on its series'
 * page, or null when the project has neither.
 */
export async function loadSeriesPage(
  db: Db,
  project: string,
  msgid: string,
): Promise<SeriesPageView | SeriesPageRedirect | null> {
  // The people query starts with the page's own load: one more query, not one more round trip after it.
  const [s, responsible] = await Promise.all([
    getSeriesPage(db, project, msgid),
    getSeriesResponsibleFactsByHead(db, project, msgid),
  ]);
  if (!s) {
    // A patch or reply of a series: its place on the series' page.
    const member = await findSeriesOfMessage(db, project, msgid);
    if (!member) return null;
    return { kind: "redirect", href: seriesMessageHref(project, member.headMsgid, msgid) };
  }
  const people = seriesPeople(responsible);
  const { untested, summary } = checksOverview(s.checks, configuredTests(s.project), s.apply);
  // Without MAINTAINERS, whom to ask comes from the thread, as on the lost page.
  const fromThread =
    people.source === "none"
      ? pingPeople([], threadPeopleOf(s, projectSettings(s.project)?.lists ?? []))
      : null;
  return {
    kind: "series",
    series: s,
    people,
    fromThread,
    untested,
    testsSummary: summary,
    files: prepareDiffs(s.patches.map((p) => p.diff)),
  };
}
