import { unknownProjects } from "../../db/projects/unknown-projects";
import { listSeries, type SeriesListRow } from "../../db/series/list-series";
import { PatchwatchError } from "../../errors";
import { apiEndpoint } from "../api-endpoint";
import { listSeriesContract } from "../contracts";
import { seriesLinks } from "../../routes";

/** GET /api/v1/series?q=&project=&after=&limit= */
export const listSeriesEndpoint = apiEndpoint(listSeriesContract, async ({ db, query, request }) => {
  const projects = query.project && query.project.length > 0 ? query.project : undefined;
  const unknown = await unknownProjects(db, projects ?? []);
  if (unknown.length > 0) {
    throw new PatchwatchError("not-found", `unknown project: ${unknown.join(", ")}`);
  }
  const page = await listSeries(db, {
    projects,
    query: query.q,
    after: query.after,
    limit: query.limit,
    now: new Date(),
  });
  return {
    body: { items: page.rows.map(toSeriesListItem), next: page.next },
    headers: page.next ? { link: `<${nextPageUrl(request, page.next)}>; rel="next"` } : undefined,
  };
});

/** The same request with `after` moved on (RFC 8288 Link target). */
function nextPageUrl(request: Request, next: string): string {
  const url = new URL(request.url);
  url.searchParams.set("after", next);
  return url.toString();
}

function toSeriesListItem(row: SeriesListRow) {
  return {
    id: row.headMsgid,
    project: row.project,
    subject: row.title,
    author: { name: row.authorName, email: row.authorEmail },
    version: row.version,
    total: row.total,
    received: row.received,
    complete: row.complete,
    obsoletedBy: row.obsoletedBy,
    obsoletedByVersion: row.obsoletedByVersion,
    replies: row.replyCount,
    reviewed: row.reviewed,
    reviewedPatches: row.reviewedPatches,
    isRfc: row.isRfc,
    isPull: row.isPull,
    date: row.date?.toISOString() ?? null,
    lastActivity: row.lastActivity?.toISOString() ?? null,
    mergedAt: row.mergedAt?.toISOString() ?? null,
    apply: row.apply,
    tests: row.tests,
    links: seriesLinks(row.project, row.headMsgid),
  };
}
