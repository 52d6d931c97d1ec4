import { PatchwatchError } from "../errors";
import type { ApiClient, SeriesDetail } from "./api-client";
import type { ApplyTarget } from "./resolve-target";
import { printable, seriesLines } from "./series-lines";

/** Revisions followed from an obsolete series to the newest; bad data cannot loop for ever. */
const MAX_REVISION_HOPS = 20;
/** Matches listed when a search finds more than one series. */
const SHOWN_MATCHES = 20;

/**
 * The series a target names on the server, moved on to its newest revision (as the
 * server's mbox and b4 am do). `note` is told what was decided on the way.
 */
export async function findSeries(
  client: ApiClient,
  target: ApplyTarget,
  note: (line: string) => void,
): Promise<SeriesDetail> {
  let series = await firstSeries(client, target);
  for (let hop = 0; series.obsoletedBy && hop < MAX_REVISION_HOPS; hop++) {
    const newer = await client.getSeries(series.project, series.obsoletedBy);
    if (!newer) break;
    note(`v${series.version} is obsolete: taking v${newer.version}, <${printable(newer.id)}>`);
    series = newer;
  }
  return series;
}

async function firstSeries(client: ApiClient, target: ApplyTarget): Promise<SeriesDetail> {
  if (target.kind === "series") {
    const series = await client.getSeries(target.project, target.msgid);
    if (series) return series;
    // The URL of a patch or reply rather than of the series' head.
    return seriesOfMessage(client, target.msgid, target.project);
  }
  if (target.kind === "message") return seriesOfMessage(client, target.msgid);
  const matches = await client.listSeries(target.query, { limit: SHOWN_MATCHES + 1 });
  if (matches.length === 0)
    throw new PatchwatchError("not-found", `no series matches ${JSON.stringify(target.query)}`);
  if (matches.length > 1) {
    const more = matches.length > SHOWN_MATCHES ? `\n  … and more` : "";
    const lines = seriesLines(matches.slice(0, SHOWN_MATCHES)).map((l) => `  ${l}`);
    throw new PatchwatchError(
      "conflict",
      `${matches.length > SHOWN_MATCHES ? "more than " + SHOWN_MATCHES : matches.length} series match ${JSON.stringify(target.query)}; name one by its Message-ID:\n${lines.join("\n")}${more}`,
    );
  }
  const only = matches[0]!;
  const series = await client.getSeries(only.project, only.id);
  if (!series)
    throw new PatchwatchError("not-found", `series <${printable(only.id)}> vanished from the server`);
  return series;
}

async function seriesOfMessage(client: ApiClient, msgid: string, project?: string): Promise<SeriesDetail> {
  const message = await client.getMessage(msgid);
  if (!message) throw new PatchwatchError("not-found", `the server has no message <${printable(msgid)}>`);
  const place = message.projects.find((p) => p.series && (project === undefined || p.project === project));
  if (!place?.series) {
    throw new PatchwatchError("not-found", `the message <${printable(msgid)}> belongs to no series`);
  }
  const series = await client.getSeries(place.project, place.series.id);
  if (!series)
    throw new PatchwatchError("not-found", `series <${printable(place.series.id)}> vanished from the server`);
  return series;
}
