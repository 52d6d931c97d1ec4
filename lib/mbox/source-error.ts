import { PatchwatchError } from "../errors";

/**
 * Why a path cannot be read as mail. The code is always `source-unreadable` (a 400 at
 * the HTTP door, a clear line in the CLI); `reason` says which case it is, for callers
 * that want to skip rather than stop (an import of a directory of test files skipping
 * patchew's `.json.gz` REST bodies, say).
 */
export type MessageSourceProblem =
  | "missing"
  | "not-mail"
  | "unsupported-compression"
  | "unknown-directory"
  | "unreadable"
  | "message-too-large";

export class MessageSourceError extends PatchwatchError {
  constructor(
    readonly reason: MessageSourceProblem,
    readonly path: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("source-unreadable", message, options);
    this.name = "MessageSourceError";
  }
}
