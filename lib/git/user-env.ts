import fs from "node:fs";
import path from "node:path";

/**
 * The environment for git run in the user's own checkout (`patchwatch apply`). gitEnv
 * (env.ts) shuts out every configuration, which is right for the server's private
 * worktrees; in a maintainer's tree git must act as the maintainer's own git would: with
 * their identity for the commits `git am` makes, their hooks and their settings. So the
 * system file is read again and GIT_CONFIG_GLOBAL names their global file: the one
 * they set, else ~/.gitconfig, else $XDG_CONFIG_HOME/git/config (git-config(1), FILES;
 * git reads both of the last two when both exist, which is rare).
 */
export function userGitEnv(user: {
  home: string | undefined;
  xdgConfigHome: string | undefined;
  gitConfigGlobal: string | undefined;
}): Record<string, string> {
  if (!user.home)
    return user.gitConfigGlobal ? { GIT_CONFIG_GLOBAL: user.gitConfigGlobal, GIT_CONFIG_NOSYSTEM: "0" } : {};
  const xdg = user.xdgConfigHome ?? path.join(user.home, ".config");
  const dotfile = path.join(user.home, ".gitconfig");
  const global = user.gitConfigGlobal ?? (fs.existsSync(dotfile) ? dotfile : path.join(xdg, "git", "config"));
  return { HOME: user.home, XDG_CONFIG_HOME: xdg, GIT_CONFIG_GLOBAL: global, GIT_CONFIG_NOSYSTEM: "0" };
}
