import os from "node:os";

/**
 * A process's status as one number, the way a shell reports it: the exit code, or
 * 128 + the signal number when a signal ended it (bash(1), EXIT STATUS).
 */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const number = signal ? os.constants.signals[signal] : undefined;
  return 128 + (number ?? 0);
}
