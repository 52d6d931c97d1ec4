import { z } from "zod";

import { seriesFeed, feedId } from "../../atom/series-feed";
import { writeAtomFeed } from "../../atom/write-atom-feed";
import { findProject } from "../../db/projects/find-project";
import { listSeries } from "../../db/series/list-series";
import { PatchwatchError } from "../../errors";
import { projectUrl, searchUrl } from "../../routes";
import { door } from "../api-endpoint";
import { projectParam } from "../schemas/common";

/** A feed reader wants what changed lately, not the archive: the newest 50 series by last activity. */
export const FEED_SIZE = 50;

function atomResponse(xml: string): Response {
  return new Response(xml, {
    status: 200,
    headers: { "content-type": "application/atom+xml; charset=utf-8" },
  });
}

/** GET /<project>/atom.xml */
export const projectFeed = door(
  { params: z.object({ project: projectParam }), query: z.object({}) },
  async (input) => {
    const { db, request } = input;
    const project = await findProject(db, input.params.project);
    if (!project) throw new PatchwatchError("not-found", `unknown project: ${input.params.project}`);
    const now = new Date();
    const { rows } = await listSeries(db, { projects: [project.name], limit: FEED_SIZE, now });
    const origin = new URL(request.url).origin;
    return atomResponse(
      writeAtomFeed(
        seriesFeed(rows, {
          id: feedId("project", project.name),
          title: `${project.displayName}: series`,
          subtitle: `Patch series posted to ${project.displayName}, newest activity first`,
          selfUrl: request.url,
          htmlUrl: projectUrl(origin, project.name),
          origin,
          emptyUpdated: now,
        }),
      ),
    );
  },
);

/** GET /series/atom.xml?q=…: a saved search as a feed. */
export const searchFeed = door(
  { params: z.object({}), query: z.object({ q: z.string().max(2000).optional() }) },
  async (input) => {
    const { db, request } = input;
    const q = input.query.q?.trim() ?? "";
    const now = new Date();
    const { rows } = await listSeries(db, { query: q, limit: FEED_SIZE, now });
    const origin = new URL(request.url).origin;
    return atomResponse(
      writeAtomFeed(
        seriesFeed(rows, {
          id: feedId("search", q),
          title: q ? `Series matching ${q}` : "All series",
          selfUrl: request.url,
          htmlUrl: searchUrl(origin, q),
          origin,
          emptyUpdated: now,
        }),
      ),
    );
  },
);
