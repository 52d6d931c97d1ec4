import { z } from "zod";

import type { Db } from "../db/client";
import { PatchwatchError } from "../errors";
import type { RawParams } from "./api-endpoint";

/**
 * A door for answers that are not JSON (an mbox read by `curl | git am`): parameters are
 * parsed with zod as in api-endpoint.ts, and errors come back as one line of plain text
 * that a terminal shows as it is. Our errors keep their message and status; anything
 * else is logged and answered with a generic 500, never a stack trace.
 */
export interface TextDoor {
  respond(getDb: () => Db, request: Request, params: RawParams): Promise<Response>;
}

export function textDoor<P extends z.ZodObject, Q extends z.ZodObject>(
  schemas: { params: P; query: Q },
  run: (input: { params: z.output<P>; query: z.output<Q>; request: Request; db: Db }) => Promise<Response>,
): TextDoor {
  return {
    async respond(getDb, request, rawParams) {
      try {
        const url = new URL(request.url);
        const query = Object.fromEntries(
          [...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.get(k)]),
        );
        const params = parse(schemas.params, rawParams, "path parameter");
        const parsedQuery = parse(schemas.query, query, "query parameter");
        return await run({ params, query: parsedQuery, request, db: getDb() });
      } catch (error) {
        return textErrorResponse(error, request);
      }
    },
  };
}

function parse<S extends z.ZodObject>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = issue?.path.map(String).join(".") || "?";
  throw new PatchwatchError("bad-request", `invalid ${what} ${name}: ${issue?.message ?? "not valid"}`);
}

export function textErrorResponse(error: unknown, request: Request): Response {
  let status = 500;
  let message = "internal error: the request could not be completed";
  if (error instanceof PatchwatchError) {
    status = error.status;
    message = error.message;
    if (status >= 500) console.error({ method: request.method, url: request.url, err: error });
  } else {
    console.error({ method: request.method, url: request.url, err: error });
  }
  return new Response(`error: ${message.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "?")}\n`, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" },
  });
}

/** The App Router's handler signature around a text door. */
export function nextTextRoute(
  door: TextDoor,
  getDb: () => Db,
): (request: Request, context: { params: Promise<RawParams> }) => Promise<Response> {
  return async (request, context) => door.respond(getDb, request, (await context.params) ?? {});
}
