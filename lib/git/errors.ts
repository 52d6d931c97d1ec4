/**
 * Why a git invocation failed, as a stable code a caller can branch on. GitError is a
 * plain Error rather than a PatchwatchError: git failures are mapped to user-facing
 * codes by the operation that ran git (an apply failure is not a bad request).
 */
export type GitErrorCode = "timeout" | "output-too-large" | "failed" | "spawn-failed";

export class GitError extends Error {
  constructor(
    readonly code: GitErrorCode,
    message: string,
    readonly details: { args?: readonly string[]; exitCode?: number; stderr?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "GitError";
  }
}

/** The git subcommand in an argument list (`rev-list` in `--git-dir=x rev-list HEAD`), for messages. */
export function gitCommandName(args: readonly string[]): string {
  return args.find((a) => !a.startsWith("-")) ?? "git";
}
