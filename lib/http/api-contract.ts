import type { z } from "zod";

/**
 * What one endpoint accepts and answers, as zod schemas: the same objects validate the
 * request (lib/http/api-endpoint.ts) and describe it in the OpenAPI document
 * (lib/http/openapi.ts), so the two cannot drift apart.
 */
export interface ApiContract<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  R extends z.ZodType = z.ZodType,
> {
  method: "GET" | "POST";
  /** The OpenAPI path template, e.g. `/api/v1/series/{project}/{msgid}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Path parameters; an empty object when there are none. */
  params: P;
  /** Query parameters. An array field takes every occurrence (`?project=a&project=b`). */
  query: Q;
  /** The JSON body a POST takes, validated like the parameters (a malformed body is a 400). */
  body?: z.ZodType;
  /** How the caller proves who it is: a tester token (`Authorization: Bearer …`) or GitLab's webhook secret. */
  auth?: "bearer" | "gitlab-token";
  /** The success status: 200 unless given (201 for a POST that creates something). */
  successStatus?: 200 | 201;
  /** The success body. */
  response: R;
  /** Headers of the 200 answer worth documenting. */
  responseHeaders?: Record<string, string>;
  /** Error statuses besides 500 and what they mean here. */
  errors: Partial<Record<400 | 401 | 403 | 404 | 409 | 503, string>>;
  /** When the answer may be a 204 with no body instead, and what it means. */
  noContent?: string;
  /** A raw `text/plain` body (a log), streamed by the door rather than parsed: what it holds. */
  textBody?: string;
}
