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
  method: "GET";
  /** The OpenAPI path template, e.g. `/api/v1/series/{project}/{msgid}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Path parameters; an empty object when there are none. */
  params: P;
  /** Query parameters. An array field takes every occurrence (`?project=a&project=b`). */
  query: Q;
  /** The 200 body. */
  response: R;
  /** Headers of the 200 answer worth documenting. */
  responseHeaders?: Record<string, string>;
  /** Error statuses besides 500 and what they mean here. */
  errors: Partial<Record<400 | 404 | 503, string>>;
}
