import { maintainerQueue } from "../../flows/lost/maintainer-queue";
import { apiEndpoint } from "../api-endpoint";
import { maintainerQueueContract } from "../lost-contracts";
import { seriesLinks } from "../../routes";
import { verdictJson } from "./list-lost";

/** GET /api/v1/maintainers/{email}/queue?project=&role=&age=&after=&limit= */
export const maintainerQueueEndpoint = apiEndpoint(maintainerQueueContract, async ({ db, params, query }) => {
  const page = await maintainerQueue(db, {
    email: params.email,
    now: new Date(),
    project: query.project,
    role: query.role,
    minDays: query.age,
    after: query.after,
    limit: query.limit,
  });
  return {
    body: {
      email: page.email,
      items: page.rows.map((r) => ({
        id: r.headMsgid,
        project: r.project,
        subject: r.title,
        author: r.author,
        version: r.version,
        total: r.total,
        date: r.date.toISOString(),
        links: seriesLinks(r.project, r.headMsgid),
        role: r.role,
        sections: r.sections,
        status: r.status,
        days: r.days,
        lost: r.lost ? verdictJson(r.lost) : null,
      })),
      next: page.next,
    },
  };
});
