/**
 * `-c` settings for every git command that touches a tree made from a stranger's patch:
 * no hooks run (the repository is ours, but a hook is code), no background maintenance
 * in the middle of a series, no fsmonitor daemon, no signing prompt.
 */
export const APPLY_GIT_CONFIG: readonly string[] = [
  "-c",
  "core.hooksPath=/dev/null",
  "-c",
  "core.fsmonitor=false",
  "-c",
  "gc.auto=0",
  "-c",
  "maintenance.auto=false",
  "-c",
  "commit.gpgSign=false",
  "-c",
  "advice.detachedHead=false",
];

/** Who commits what the applier applies (the author comes from the patch mail). */
export const APPLIER_IDENTITY = {
  GIT_COMMITTER_NAME: "Patchwatch",
  GIT_COMMITTER_EMAIL: "patchwatch@patchwatch.invalid",
};
