import { getProjectOverview } from "../../db/projects/project-overview";
import { apiEndpoint } from "../api-endpoint";
import { listProjectsContract } from "../contracts";

/** GET /api/v1/projects */
export const listProjectsEndpoint = apiEndpoint(listProjectsContract, async ({ db }) => {
  const projects = await getProjectOverview(db, new Date());
  return {
    body: {
      items: projects.map((p) => ({ ...p, lastActivity: p.lastActivity?.toISOString() ?? null })),
    },
  };
});
