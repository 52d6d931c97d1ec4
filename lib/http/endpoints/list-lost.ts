import { serverConfig } from "../../config/server-config";
import { listLost, type LostRow } from "../../flows/lost/list-lost";
import type { LostVerdict } from "../../series/lost";
import { PatchwatchError } from "../../errors";
import { apiEndpoint } from "../api-endpoint";
import { listLostContract } from "../lost-contracts";
import { seriesLinks } from "../../routes";

/** GET /api/v1/projects/{project}/lost?after=&limit= */
export const listLostEndpoint = apiEndpoint(listLostContract, async ({ db, params, query }) => {
  const page = await listLost(db, {
    project: params.project,
    now: new Date(),
    after: query.after,
    limit: query.limit,
    // The same link to the series as the page's ping carries.
    publicUrl: serverConfig().publicUrl,
  });
  if (!page) throw new PatchwatchError("not-found", `unknown project: ${params.project}`);
  return {
    body: {
      project: page.project.name,
      lostAfterDays: page.project.lostAfterDays,
      reviewedUnmergedDays: page.project.reviewedUnmergedDays,
      items: page.rows.map(toLostItem),
      next: page.next,
    },
  };
});

export function verdictJson(v: LostVerdict) {
  return { reason: v.reason, since: v.since.toISOString(), days: v.days, waitsFor: v.waitsFor };
}

function toLostItem(row: LostRow) {
  return {
    id: row.headMsgid,
    project: row.project,
    subject: row.title,
    author: row.author,
    version: row.version,
    total: row.total,
    date: row.date?.toISOString() ?? null,
    links: seriesLinks(row.project, row.headMsgid),
    lost: verdictJson(row.verdict),
    people: row.people,
    ping: row.ping,
  };
}
