import { z } from "zod";

import type { ApiContract } from "./api-contract";
import {
  claimBodySchema,
  claimResponseSchema,
  jobIdParam,
  leaseResponseSchema,
  logResponseSchema,
  resultBodySchema,
  resultResponseSchema,
} from "./schemas/tester";

/** The tester API (`patchwatch tester` claims jobs and reports on them); listed in contracts.ts. */

const jobParams = z.object({ id: jobIdParam });

const JOB_ERRORS = {
  400: "a malformed job id or body",
  401: "no token, or an unknown or revoked one",
  403: "the job is not leased to this tester, or its project is not allowed for the token",
  404: "no such job",
  409: "the lease was lost (it ran out and another tester took the job) or the job has finished",
} as const;

export const claimTestJobContract = {
  method: "POST",
  path: "/api/v1/tester/claim",
  operationId: "claimTestJob",
  summary: "Claim the oldest waiting test job this tester can run",
  description:
    "Queued jobs and jobs whose lease ran out, of the projects the token allows, whose test's capabilities the tester has all of. The job is leased for `leaseSeconds`; heartbeats extend it.",
  params: z.object({}),
  query: z.object({}),
  body: claimBodySchema,
  auth: "bearer",
  response: claimResponseSchema,
  noContent: "no job waits for this tester",
  errors: {
    400: "a malformed body or an unknown project",
    401: JOB_ERRORS[401],
    403: "a project the token does not allow",
  },
} satisfies ApiContract;

export const heartbeatTestJobContract = {
  method: "POST",
  path: "/api/v1/tester/jobs/{id}/heartbeat",
  operationId: "heartbeatTestJob",
  summary: "Extend the lease on a running job",
  params: jobParams,
  query: z.object({}),
  auth: "bearer",
  response: leaseResponseSchema,
  errors: JOB_ERRORS,
} satisfies ApiContract;

export const appendTestLogContract = {
  method: "POST",
  path: "/api/v1/tester/jobs/{id}/log",
  operationId: "appendTestLog",
  summary: "Append to a running job's log",
  description:
    "May be called many times; the parts are joined. The server keeps the first and the last MiB and marks what it cut.",
  params: jobParams,
  query: z.object({}),
  textBody: "the next bytes of the log, as the test printed them",
  auth: "bearer",
  response: logResponseSchema,
  errors: JOB_ERRORS,
} satisfies ApiContract;

export const finishTestJobContract = {
  method: "POST",
  path: "/api/v1/tester/jobs/{id}/result",
  operationId: "finishTestJob",
  summary: "Report a job's outcome: passed, failed (the test failed) or error (it could not run)",
  params: jobParams,
  query: z.object({}),
  body: resultBodySchema,
  auth: "bearer",
  response: resultResponseSchema,
  errors: JOB_ERRORS,
} satisfies ApiContract;

export const testerContracts: ApiContract[] = [
  claimTestJobContract,
  heartbeatTestJobContract,
  appendTestLogContract,
  finishTestJobContract,
];
