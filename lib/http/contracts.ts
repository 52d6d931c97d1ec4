import { z } from "zod";

import { MAX_LIMIT } from "../db/series/list-series";
import type { ApiContract } from "./api-contract";
import { checkContracts } from "./check-contracts";
import { lostContracts } from "./lost-contracts";
import { statsContracts } from "./stats-contracts";
import { testerContracts } from "./tester-contracts";
import { component, described } from "./schemas/api-docs";
import { msgidParam, projectParam } from "./schemas/common";
import { messageSchema } from "./schemas/message";
import { projectListSchema } from "./schemas/project";
import { seriesDetailSchema, seriesPageSchema } from "./schemas/series";

/**
 * Every endpoint of /api/v1, as data. Route handlers in app/api/v1 are built from these and
 * the OpenAPI document lists exactly these; a test checks every route is here.
 */

const noParams = z.object({});

const openApiDocumentSchema = component(
  "OpenApiDocument",
  "An OpenAPI 3.1 document",
  z.object({ openapi: z.string() }).catchall(z.unknown()),
);

export const listProjectsContract = {
  method: "GET",
  path: "/api/v1/projects",
  operationId: "listProjects",
  summary: "List projects with their series counts",
  params: noParams,
  query: z.object({}),
  response: projectListSchema,
  errors: {},
} satisfies ApiContract;

export const listSeriesContract = {
  method: "GET",
  path: "/api/v1/series",
  operationId: "listSeries",
  summary: "Search series, newest activity first, one page at a time",
  description:
    'Keyset pagination: pass the `next` of a page as `after` to get the following one (the `Link` header with rel="next" carries the same URL).',
  params: noParams,
  query: z.object({
    q: described(
      "a search in the query language (as in the web UI's search box)",
      z.string().max(2000).optional(),
    ),
    project: described(
      "only these projects (repeat the parameter for several); every project when absent",
      z.array(projectParam).max(50).optional(),
    ),
    after: described("the `next` cursor of the previous page", z.string().max(400).optional()),
    limit: described(
      `series per page, 1 to ${MAX_LIMIT} (default 50)`,
      z.coerce.number().int().min(1).max(MAX_LIMIT).optional(),
    ),
  }),
  response: seriesPageSchema,
  responseHeaders: { Link: 'the next page as `<url>; rel="next"`, when there is one' },
  errors: { 400: "a bad search, cursor or limit", 404: "an unknown project" },
} satisfies ApiContract;

export const getSeriesContract = {
  method: "GET",
  path: "/api/v1/series/{project}/{msgid}",
  operationId: "getSeries",
  summary: "One series with its patches, trailers, revisions, and its tests and checks",
  params: z.object({ project: projectParam, msgid: msgidParam }),
  query: z.object({}),
  response: seriesDetailSchema,
  errors: { 400: "a malformed Message-ID", 404: "no such series in this project" },
} satisfies ApiContract;

export const getMessageContract = {
  method: "GET",
  path: "/api/v1/messages/{msgid}",
  operationId: "getMessage",
  summary: "One message: headers, classification per project, series and error state",
  params: z.object({ msgid: msgidParam }),
  query: z.object({}),
  response: messageSchema,
  errors: { 400: "a malformed Message-ID", 404: "no message with this Message-ID" },
} satisfies ApiContract;

export const openApiContract = {
  method: "GET",
  path: "/api/v1/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This document (OpenAPI 3.1)",
  params: noParams,
  query: z.object({}),
  response: openApiDocumentSchema,
  errors: {},
} satisfies ApiContract;

export const apiContracts: ApiContract[] = [
  listProjectsContract,
  listSeriesContract,
  getSeriesContract,
  getMessageContract,
  openApiContract,
  ...checkContracts,
  ...lostContracts,
  ...statsContracts,
  ...testerContracts,
];
