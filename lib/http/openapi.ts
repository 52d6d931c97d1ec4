import { z } from "zod";

import type { ApiContract } from "./api-contract";
import { apiDocs } from "./schemas/api-docs";
import { errorSchema } from "./schemas/common";

type JsonSchema = Record<string, unknown>;

const componentUri = (id: string) => `#/components/schemas/${id}`;

/**
 * Generator settings shared by every schema. Answers may gain keys (the README's contract),
 * so `additionalProperties: false` is dropped from what we send; long regexes that zod adds
 * to date-times are left out in favour of `format`.
 */
function tidy(ctx: { jsonSchema: JsonSchema }): void {
  const s = ctx.jsonSchema;
  if (s.additionalProperties === false) delete s.additionalProperties;
  if (s.format === "date-time") delete s.pattern;
  if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
  if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
}

function withoutDialect(schema: JsonSchema): JsonSchema {
  const rest = { ...schema };
  delete rest.$schema;
  delete rest.$id;
  return rest;
}

function componentRef(schema: z.ZodType): JsonSchema {
  const id = apiDocs.get(schema)?.id;
  if (!id) throw new Error("every response schema must be a named component (lib/http/schemas/api-docs.ts)");
  return { $ref: componentUri(id) };
}

/** Path and query parameters, one by one, as OpenAPI parameter objects (what a client sends: `io: "input"`). */
function parameters(where: "path" | "query", shape: Record<string, z.ZodType>): JsonSchema[] {
  return Object.entries(shape).map(([name, field]) => {
    const schema = withoutDialect(
      z.toJSONSchema(field, { io: "input", metadata: apiDocs, override: tidy }) as JsonSchema,
    );
    const { description, ...rest } = schema;
    return {
      name,
      in: where,
      required: where === "path" || !field.safeParse(undefined).success,
      ...(description === undefined ? {} : { description }),
      ...(rest.type === "array" ? { style: "form", explode: true } : {}),
      schema: rest,
    };
  });
}

function operation(contract: ApiContract): JsonSchema {
  const error = (description: string) => ({
    description,
    content: { "application/json": { schema: componentRef(errorSchema) } },
  });
  const headers = Object.fromEntries(
    Object.entries(contract.responseHeaders ?? {}).map(([name, description]) => [
      name,
      { description, schema: { type: "string" } },
    ]),
  );
  return {
    operationId: contract.operationId,
    summary: contract.summary,
    ...(contract.description ? { description: contract.description } : {}),
    parameters: [
      ...parameters("path", contract.params.shape as Record<string, z.ZodType>),
      ...parameters("query", contract.query.shape as Record<string, z.ZodType>),
    ],
    ...(contract.body ? { requestBody: requestBody(contract.body) } : {}),
    ...(contract.textBody
      ? {
          requestBody: {
            required: true,
            description: contract.textBody,
            content: { "text/plain": { schema: { type: "string" } } },
          },
        }
      : {}),
    ...(contract.auth ? { security: [{ [contract.auth]: [] }] } : {}),
    responses: {
      [String(contract.successStatus ?? 200)]: {
        description: "OK",
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        content: { "application/json": { schema: componentRef(contract.response) } },
      },
      ...(contract.noContent ? { "204": { description: contract.noContent } } : {}),
      ...Object.fromEntries(Object.entries(contract.errors).map(([status, text]) => [status, error(text)])),
      "500": error("an internal error (the cause is in the server log)"),
    },
  };
}

/** A POST's body: JSON, or the same fields as a form (lib/http/read-body.ts). */
function requestBody(body: z.ZodType): JsonSchema {
  const schema = withoutDialect(
    z.toJSONSchema(body, { io: "input", metadata: apiDocs, override: tidy }) as JsonSchema,
  );
  return {
    required: true,
    content: { "application/json": { schema }, "application/x-www-form-urlencoded": { schema } },
  };
}

/** How callers authenticate (ApiContract.auth). */
const securitySchemes = {
  bearer: { type: "http", scheme: "bearer", description: "a tester token (`Authorization: Bearer …`)" },
  "gitlab-token": {
    type: "apiKey",
    in: "header",
    name: "X-Gitlab-Token",
    description: "the secret configured for the GitLab webhook",
  },
};

/** The OpenAPI 3.1 document of the contracts, from the zod schemas that validate them. */
export function buildOpenApiDocument(contracts: ApiContract[], info: { version: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const contract of contracts) {
    paths[contract.path] ??= {};
    paths[contract.path]![contract.method.toLowerCase()] = operation(contract);
  }
  const { schemas } = z.toJSONSchema(apiDocs, {
    io: "output",
    metadata: apiDocs,
    uri: componentUri,
    override: tidy,
  }) as {
    schemas: Record<string, JsonSchema>;
  };
  return {
    openapi: "3.1.1",
    info: {
      title: "Patchwatch API",
      version: info.version,
      description:
        "Series, patches and review tags tracked from development mailing lists, and the results CI reports for them.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      securitySchemes,
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, s]) => [id, withoutDialect(s)])),
    },
  };
}
