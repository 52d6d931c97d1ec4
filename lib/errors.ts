/**
 * One error vocabulary for Patchwatch. Code that fails for a reason a user can act on
 * throws a PatchwatchError with a stable code; doors (CLI, HTTP) map it to a clear
 * message or status and log the cause. Anything else is a bug and is reported as such.
 */
export type ErrorCode =
  | "config-invalid"
  | "not-found"
  | "bad-request"
  | "database-unavailable"
  | "source-unreadable"
  | "conflict"
  | "unauthorized"
  | "forbidden";

const httpStatus: Record<ErrorCode, number> = {
  "config-invalid": 500,
  "not-found": 404,
  "bad-request": 400,
  "database-unavailable": 503,
  "source-unreadable": 400,
  conflict: 409,
  /** No credentials, or credentials we do not accept (a bad, unknown or revoked token). */
  unauthorized: 401,
  /** Known credentials that may not do this (a token restricted to other projects). */
  forbidden: 403,
};

export class PatchwatchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "PatchwatchError";
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

/** A message fit for a user: ours as written, anything else without its stack. */
export function userMessage(error: unknown): string {
  if (error instanceof PatchwatchError) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}
