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

/**
 * git smart HTTP (`git http-backend`). A clone of a large tree over a slow link takes
 * minutes; past this the backend and its upload-pack are killed.
 */
export const HTTP_BACKEND_TIMEOUT_MS = 10 * 60_000;

/**
 * Largest upload-pack request body, after gzip is undone. A fetch's want/have lists stay
 * far below this; it is git's own default for GIT_HTTP_MAX_REQUEST_BUFFER
 * (git-http-backend(1)), and it bounds a gzip bomb.
 */
export const HTTP_BACKEND_MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** The CGI header block http-backend writes before the body; a few hundred bytes in practice. */
export const HTTP_BACKEND_MAX_HEADER_BYTES = 16 * 1024;

/**
 * http-backend processes one server runs at once; each may start pack-objects, which
 * takes a core. Further requests get 503 with Retry-After rather than a queue.
 */
export const HTTP_BACKEND_MAX_CONCURRENT = 8;

/**
 * Fetching a project's upstream into its mirror. The first fetch is a full clone (the
 * Linux kernel is several GiB); later ones are small.
 */
export const MIRROR_FETCH_TIMEOUT_MS = 60 * 60_000;

/** Pushing a tag to the publish repository or a configured remote (the first push to a remote sends the history). */
export const PUSH_TIMEOUT_MS = 30 * 60_000;

/** stdout kept from `git am`: one "Applying:" line per patch, and git's advice. */
export const AM_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
