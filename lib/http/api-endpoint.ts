import { z } from "zod";

import type { Db } from "../db/client";
import { PatchwatchError } from "../errors";
import type { ApiContract } from "./api-contract";
import { errorResponse } from "./error-response";
import { jsonResponse } from "./json-response";
import { readBody } from "./read-body";

export type RawParams = Record<string, string | string[] | undefined>;

interface InputSchemas {
  params: z.ZodObject;
  query: z.ZodObject;
  body?: z.ZodType;
}

type BodyOf<S extends InputSchemas> = S["body"] extends z.ZodType ? z.output<S["body"]> : never;

export interface DoorInput<S extends InputSchemas> {
  params: z.output<S["params"]>;
  query: z.output<S["query"]>;
  request: Request;
  /** Reads and validates the body (after the caller is authenticated, so a stranger gets a 401, not a 400). */
  body(): Promise<BodyOf<S>>;
  /** Opened on first use, so a door without a database (openapi.json) answers without one. */
  readonly db: Db;
}

export interface Door {
  /** The whole door: validate, run, answer, map errors. Tests call this with their own database. */
  respond(getDb: () => Db, request: Request, params: RawParams): Promise<Response>;
}

/**
 * The thin door every HTTP route goes through: path and query parameters are parsed with
 * zod (a failure is a 400 naming the parameter), one operation runs, and any error becomes
 * `{ "error": { "code", "message" } }` with the status lib/errors.ts gives its code.
 */
export function door<S extends InputSchemas>(
  schemas: S,
  run: (input: DoorInput<S>) => Promise<Response>,
): Door {
  return {
    async respond(getDb, request, rawParams) {
      try {
        const params = parseInput<S["params"]>(schemas.params, rawParams, "path parameter");
        const query = parseInput<S["query"]>(
          schemas.query,
          queryRecord(schemas.query, request),
          "query parameter",
        );
        return await run({
          params,
          query,
          request,
          body: () => readBody(request, schemas.body ?? z.never()) as Promise<BodyOf<S>>,
          get db() {
            return getDb();
          },
        });
      } catch (error) {
        return errorResponse(error, { method: request.method, url: request.url });
      }
    },
  };
}

export interface ApiResult<C extends ApiContract> {
  body: z.input<C["response"]>;
  headers?: Record<string, string>;
}

export interface ApiEndpoint<C extends ApiContract = ApiContract> extends Door {
  contract: C;
}

/** A JSON endpoint of /api/v1: a door whose operation's result is typed by the contract's response schema. */
export function apiEndpoint<C extends ApiContract>(
  contract: C,
  run: (input: DoorInput<C>) => Promise<ApiResult<C>>,
): ApiEndpoint<C> {
  const inner = door(contract, async (input) => {
    const { body, headers } = await run(input);
    return jsonResponse(body, { status: contract.successStatus ?? 200, headers });
  });
  return { contract, respond: inner.respond };
}

function parseInput<S extends z.ZodObject>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues
    .map((issue) => `${what} ${issue.path.map(String).join(".") || "?"}: ${issue.message}`)
    .join("; ");
  throw new PatchwatchError("bad-request", `invalid ${message}`);
}

/** Query parameters as an object: every occurrence for array fields, the last one for the others. */
function queryRecord(schema: z.ZodObject, request: Request): Record<string, string | string[]> {
  const search = new URL(request.url).searchParams;
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const field = schema.shape[key];
    const values = search.getAll(key);
    record[key] = field && isArrayField(field) ? values : (values.at(-1) ?? "");
  }
  return record;
}

function isArrayField(field: z.core.$ZodType): boolean {
  if (field instanceof z.ZodOptional || field instanceof z.ZodDefault) return isArrayField(field.unwrap());
  return field instanceof z.ZodArray;
}

/** The App Router's handler signature around a door (`export const GET = nextRoute(…)`). */
export function nextRoute(
  endpoint: Door,
  getDb: () => Db,
): (request: Request, context: { params: Promise<RawParams> }) => Promise<Response> {
  return async (request, context) => endpoint.respond(getDb, request, (await context.params) ?? {});
}
