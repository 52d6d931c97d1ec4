import { z } from "zod";

import type { ApiContract } from "./api-contract";
import { projectParam } from "./schemas/common";
import { projectStatsSchema } from "./schemas/stats";

export const projectStatsContract = {
  method: "GET",
  path: "/api/v1/projects/{project}/stats",
  operationId: "getProjectStats",
  summary:
    "A project's time to first review, time to merge, weekly counts, lost series over time and slowest areas",
  params: z.object({ project: projectParam }),
  query: z.object({}),
  response: projectStatsSchema,
  errors: { 404: "an unknown project" },
} satisfies ApiContract;

export const statsContracts: ApiContract[] = [projectStatsContract];
