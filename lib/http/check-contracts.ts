import { z } from "zod";

import type { ApiContract } from "./api-contract";
import { described } from "./schemas/api-docs";
import { checkBodySchema, checkListSchema, checkSchema, gitlabWebhookResultSchema } from "./schemas/check";
import { msgidParam, projectParam } from "./schemas/common";

/** The checks API (external CI results) and the GitLab webhook; listed in contracts.ts. */

const seriesParams = z.object({ project: projectParam, msgid: msgidParam });
const patchParams = z.object({
  msgid: described(
    "the patch mail's Message-ID, percent-encoded, with or without angle brackets",
    msgidParam,
  ),
});

const POST_ERRORS = {
  400: "a malformed body (not JSON or form fields, a bad state, context or target_url)",
  401: "no token, or an unknown or revoked one",
  403: "the token may not report for this project",
} as const;

export const listSeriesChecksContract = {
  method: "GET",
  path: "/api/v1/series/{project}/{msgid}/checks",
  operationId: "listSeriesChecks",
  summary: "The checks and test results of a series and its patches",
  params: seriesParams,
  query: z.object({}),
  response: checkListSchema,
  errors: { 400: "a malformed Message-ID", 404: "no such series in this project" },
} satisfies ApiContract;

export const createSeriesCheckContract = {
  method: "POST",
  path: "/api/v1/series/{project}/{msgid}/checks",
  operationId: "createSeriesCheck",
  summary: "Report a check for a series (patchwork's checks API fields)",
  description:
    "Each report is kept; the latest of a context is its state. `Authorization: Token …` (patchwork's scheme) is taken as well as `Bearer`.",
  params: seriesParams,
  query: z.object({}),
  body: checkBodySchema,
  auth: "bearer",
  successStatus: 201,
  response: checkSchema,
  errors: { ...POST_ERRORS, 404: "no such series in this project" },
} satisfies ApiContract;

export const listPatchChecksContract = {
  method: "GET",
  path: "/api/v1/patches/{msgid}/checks",
  operationId: "listPatchChecks",
  summary: "The checks of one patch",
  params: patchParams,
  query: z.object({}),
  response: checkListSchema,
  errors: { 400: "a malformed Message-ID", 404: "no patch with this Message-ID" },
} satisfies ApiContract;

export const createPatchCheckContract = {
  method: "POST",
  path: "/api/v1/patches/{msgid}/checks",
  operationId: "createPatchCheck",
  summary: "Report a check for one patch of a series",
  description:
    "The series is the one the patch mail belongs to (one per project when the mail went to several lists; each gets the report).",
  params: patchParams,
  query: z.object({}),
  body: checkBodySchema,
  auth: "bearer",
  successStatus: 201,
  response: checkSchema,
  errors: { ...POST_ERRORS, 404: "no patch with this Message-ID" },
} satisfies ApiContract;

export const gitlabWebhookContract = {
  method: "POST",
  path: "/api/v1/gitlab/{project}/webhook",
  operationId: "receiveGitlabWebhook",
  summary: "GitLab's webhook: pipeline events of the tags Patchwatch pushed",
  description:
    "Pipeline Hook events whose ref is a `patchwatch/…` tag of a series are recorded (context `gitlab`); any other event or ref is answered 200 with result `ignored`.",
  params: z.object({ project: projectParam }),
  query: z.object({}),
  body: z.object({ object_kind: z.string() }).catchall(z.unknown()),
  auth: "gitlab-token",
  response: gitlabWebhookResultSchema,
  errors: {
    400: "the body is not JSON, or not a valid pipeline event",
    401: "X-Gitlab-Token is missing or wrong",
    404: "no such project, or it has no GitLab settings",
  },
} satisfies ApiContract;

export const checkContracts: ApiContract[] = [
  listSeriesChecksContract,
  createSeriesCheckContract,
  listPatchChecksContract,
  createPatchCheckContract,
  gitlabWebhookContract,
];
