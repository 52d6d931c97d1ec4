/**
 * The environment every git process gets. It is built from nothing, not copied from ours,
 * so that neither the user's configuration nor variables such as GIT_DIR or GIT_INDEX_FILE
 * inherited from a surrounding git hook can change what a command does.
 *
 * - PATH is the one thing taken from our environment: spawn needs it to find `git`
 *   (node resolves the command with the child's PATH).
 * - GIT_CONFIG_NOSYSTEM / GIT_CONFIG_GLOBAL=/dev/null: no /etc/gitconfig, no ~/.gitconfig
 *   (git-config(1), ENVIRONMENT; GIT_CONFIG_GLOBAL needs git >= 2.32).
 * - HOME and XDG_CONFIG_HOME point at a directory that does not exist, for any code path
 *   that still looks there (credential helpers, ~/.config/git/attributes).
 * - GIT_TERMINAL_PROMPT=0: never wait for a password on a terminal (git(1)).
 * - GIT_NO_REPLACE_OBJECTS=1: refs/replace in a foreign archive must not swap the objects
 *   we read (git(1), --no-replace-objects).
 * - LC_ALL=C: stable, untranslated messages in stderr.
 */
const NOWHERE = "/nonexistent/patchwatch-git-home";

export function gitEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    HOME: NOWHERE,
    XDG_CONFIG_HOME: NOWHERE,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_NO_REPLACE_OBJECTS: "1",
    LC_ALL: "C",
    ...extra,
  };
}
