import { apiEndpoint } from "../api-endpoint";
import { apiContracts, openApiContract } from "../contracts";
import { buildOpenApiDocument } from "../openapi";

/** The version of the API's contract (not of the program): a change that breaks a client bumps /api/v2. */
const API_VERSION = "1.0.0";

let document: Record<string, unknown> | undefined;

/** GET /api/v1/openapi.json: built once per process from the contracts. */
export const getOpenApiEndpoint = apiEndpoint(openApiContract, async () => {
  document ??= buildOpenApiDocument(apiContracts, { version: API_VERSION });
  return { body: document as { openapi: string } };
});
