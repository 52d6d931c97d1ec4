import { PatchwatchError } from "../errors";
import { jsonResponse } from "./json-response";

/** The one error body of the API: `{ "error": { "code", "message" } }`, whatever went wrong. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/**
 * Our errors keep their code and message and take their status from lib/errors.ts.
 * Anything else is a bug or an outage: the client gets a generic 500 and the cause goes to
 * the server log, so no stack trace or SQL ever reaches a response.
 */
export function errorResponse(error: unknown, context: { method: string; url: string }): Response {
  if (error instanceof PatchwatchError) {
    if (error.status >= 500) console.error({ ...context, code: error.code, err: error });
    return jsonResponse(errorBody(error.code, error.message), { status: error.status });
  }
  console.error({ ...context, err: error });
  return jsonResponse(errorBody("internal", "internal error: the request could not be completed"), {
    status: 500,
  });
}

export function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}
