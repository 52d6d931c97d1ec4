/**
 * Every limit the tester agent applies, in one place. The script is the project's, but
 * what it prints and how long it runs depend on the series under test.
 */

/** Output passed on as it comes; past this only the tail is kept, and sent when the script ends. */
export const MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/** The end of a log is where a build says what failed: this much of it survives the cap. */
export const OUTPUT_TAIL_BYTES = 1024 * 1024;

/** After SIGTERM at a timeout or a stop, the script's process group has this long before SIGKILL. */
export const KILL_GRACE_MS = 5_000;

/**
 * After bash exits, how long a descendant that escaped its process group (setsid) may keep
 * the output pipe open before the agent stops reading it.
 */
export const PIPE_DRAIN_MS = 2_000;

/** The log is sent when this much is waiting, or LOG_FLUSH_MS after the first unsent byte. */
export const LOG_CHUNK_BYTES = 256 * 1024;
export const LOG_FLUSH_MS = 1_000;

/** Waiting for the server between attempts: doubling from the first to the last. */
export const RETRY_FIRST_MS = 1_000;
export const RETRY_MAX_MS = 60_000;

/** A result that cannot be delivered for this long is given up: the lease has long expired by then. */
export const RESULT_RETRY_MS = 15 * 60_000;

/** Fetching the tested ref: the first fetch into an empty cache is a full clone. */
export const FETCH_TIMEOUT_MS = 60 * 60_000;
