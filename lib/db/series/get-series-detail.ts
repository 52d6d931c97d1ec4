import { type Db, prisma } from "../client";
import type { SeriesResponsibleFacts } from "../../maintainers/series-people";
import { getSeriesResponsibleFacts } from "../maintainers/series-responsible-facts";
import { loadRevisions, type SeriesRevision } from "./load-revisions";
import { type SeriesJson, seriesJsonInclude, toSeriesJson } from "./series-json";

export interface SeriesVersionJson {
  id: string;
  version: number;
  subject: string;
  date: string | null;
  received: number;
  total: number;
  obsolete: boolean;
  /** This is the series that was asked for. */
  current: boolean;
  /** Why this version is linked to an older one (revision_link). */
  links: { older: string; reason: string; detail: string }[];
}

export interface SeriesDetailFacts {
  series: SeriesJson & {
    /** Every revision of the topic, this one included, oldest version first. */
    versions: SeriesVersionJson[];
  };
  /** Who is responsible for the touched files (MAINTAINERS at the branch head) and what the thread shows of them. */
  responsible: SeriesResponsibleFacts | null;
}

/**
 * One series of a project by its head Message-ID, in the `series --json` shape, with
 * every revision of its topic and its responsible people; null when the project has no
 * such series.
 */
export async function getSeriesDetail(
  db: Db,
  projectName: string,
  headMsgid: string,
): Promise<SeriesDetailFacts | null> {
  const series = await prisma(db).series.findFirst({
    where: { project: { name: projectName }, headMsgid },
    include: seriesJsonInclude,
  });
  if (!series) return null;
  const [revisions, responsible] = await Promise.all([
    loadRevisions(db, series),
    getSeriesResponsibleFacts(db, series.id),
  ]);
  return { series: { ...toSeriesJson(series), versions: revisions.map(toVersionJson) }, responsible };
}

function toVersionJson(r: SeriesRevision): SeriesVersionJson {
  return {
    id: r.headMsgid,
    version: r.version,
    subject: r.title,
    date: r.date?.toISOString() ?? null,
    received: r.received,
    total: r.total,
    obsolete: r.obsolete,
    current: r.current,
    links: r.links.map((l) => ({ older: l.olderMsgid, reason: l.reason, detail: l.detail })),
  };
}
