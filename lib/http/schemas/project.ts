import { z } from "zod";

import { component, described } from "./api-docs";
import { isoDateTime } from "./common";

const count = z.number().int().min(0);

export const projectSchema = component(
  "Project",
  "A project (a list, or a subproject picked out of one by subject prefix) with its series counts",
  z.object({
    name: z.string(),
    displayName: z.string(),
    parent: described("the parent project, for a subproject", z.string().nullable()),
    series: z.object({
      total: count,
      open: described("neither obsoleted by a newer revision nor merged", count),
      complete: count,
      reviewed: count,
      obsolete: count,
      merged: count,
      rfc: count,
      pull: count,
    }),
    recent: described(
      "what happened in the last `days` days",
      z.object({ days: count, newSeries: count, activeSeries: count, messages: count }),
    ),
    lastActivity: isoDateTime.nullable(),
  }),
);

export const projectListSchema = component(
  "ProjectList",
  "Every project",
  z.object({ items: z.array(projectSchema) }),
);
