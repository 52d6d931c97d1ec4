/**
 * Every limit lib/git applies, in one place. Git runs on data written by strangers
 * (archives, patches), so each invocation is bounded in time and in output.
 */

/** A one-shot git command (rev-parse, hash-object, am of one series) should finish well within this. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** stdout kept by runGit; past this the process is killed and the call fails with `output-too-large`. */
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** stderr kept for error messages; the rest is dropped (git's stderr is diagnostics, never data). */
export const STDERR_KEEP_BYTES = 64 * 1024;

/**
 * Largest object `git cat-file --batch` may hand back. Mailing lists reject mails over a
 * few MiB (vger: 10 MiB, lists.linux.it: 1 MiB), so a bigger blob in a mail archive is
 * not a mail; it is skipped without being buffered.
 */
export const CAT_FILE_MAX_OBJECT_BYTES = 64 * 1024 * 1024;

/**
 * Requests a reader keeps in flight on one `git cat-file --batch` process. Enough to hide
 * the round trip; small enough that unread answers stay a few MiB.
 */
export const CAT_FILE_WINDOW = 64;
