import { z } from "zod";

import { MAX_LOST_LIMIT } from "../flows/lost/list-lost";
import type { ApiContract } from "./api-contract";
import { projectParam } from "./schemas/common";
import { component, described } from "./schemas/api-docs";
import { lostPageSchema, queuePageSchema } from "./schemas/lost";

/** Lost series and review queues; listed in contracts.ts. */

const after = described("the `next` cursor of the previous page", z.string().max(400).optional());
const limit = described(
  `items per page, 1 to ${MAX_LOST_LIMIT} (default 50)`,
  z.coerce.number().int().min(1).max(MAX_LOST_LIMIT).optional(),
);

/** An address in a path segment: percent-decoded here, as the router may hand it over encoded. */
const emailParam = described(
  "the person's address, percent-encoded",
  z
    .string()
    .max(320)
    .transform((value) => {
      try {
        return decodeURIComponent(value).trim().toLowerCase();
      } catch {
        return value.trim().toLowerCase();
      }
    })
    .pipe(z.string().regex(/^[^\s@<>]+@[^\s@<>]+$/, "not an email address")),
);

export const listLostContract = {
  method: "GET",
  path: "/api/v1/projects/{project}/lost",
  operationId: "listLostSeries",
  summary: "A project's lost series: why, since when, whom to ping, and a ready-to-send ping",
  description:
    "Current series (latest revision, not merged, not withdrawn) nobody but the author answered within the project's lostAfterDays, reviewed but not merged after reviewedUnmergedDays, or whose review comments the author left unanswered for lostAfterDays. Newest posting first; keyset pagination through `after`.",
  params: z.object({ project: projectParam }),
  query: z.object({ after, limit }),
  response: lostPageSchema,
  errors: { 400: "a bad cursor or limit", 404: "an unknown project" },
} satisfies ApiContract;

export const maintainerQueueContract = {
  method: "GET",
  path: "/api/v1/maintainers/{email}/queue",
  operationId: "getReviewQueue",
  summary: "The series touching a person's files (MAINTAINERS) that wait for their review, oldest first",
  params: z.object({ email: emailParam }),
  query: z.object({
    project: described("only this project", projectParam.optional()),
    role: described(
      "only where they are named as maintainer or as reviewer",
      z.enum(["maintainer", "reviewer"]).optional(),
    ),
    age: described(
      "only series waiting at least this many days",
      z.coerce.number().int().min(0).max(36500).optional(),
    ),
    after,
    limit,
  }),
  response: queuePageSchema,
  errors: { 400: "a bad filter, cursor or limit" },
} satisfies ApiContract;

export const digestUnsubscribeContract = {
  method: "POST",
  path: "/api/v1/digest/unsubscribe",
  operationId: "unsubscribeDigest",
  summary: "Stop a weekly review digest with the token its latest mail carries",
  params: z.object({}),
  query: z.object({}),
  body: z.object({ token: described("the token from the digest's last lines", z.string().min(8).max(200)) }),
  response: component(
    "DigestUnsubscribed",
    "Whether a subscription was ended",
    z.object({ unsubscribed: z.boolean() }),
  ),
  errors: { 400: "no token" },
} satisfies ApiContract;

export const lostContracts: ApiContract[] = [
  listLostContract,
  maintainerQueueContract,
  digestUnsubscribeContract,
];
