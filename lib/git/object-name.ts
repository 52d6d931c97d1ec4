/**
 * Checks for names that reach git's command line. A value that starts with `-` would be
 * read as an option; these patterns admit only what Patchwatch itself produces.
 */

/** A full SHA-1 or SHA-256 object id (git hash-function-transition: 40 or 64 hex digits). */
export function isObjectId(value: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
}

/**
 * A full ref name such as `refs/heads/master`, within git-check-ref-format(1)'s rules
 * for the characters we accept (no `..`, no `@{`, no component starting with `.`).
 */
export function isFullRefName(value: string): boolean {
  return (
    /^refs\/[A-Za-z0-9._/+-]+$/.test(value) &&
    !value.includes("..") &&
    !value.includes("//") &&
    !value.endsWith("/") &&
    !value.endsWith(".lock") &&
    !value.split("/").some((part) => part.startsWith("."))
  );
}
