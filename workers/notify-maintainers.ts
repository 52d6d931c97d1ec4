import path from "node:path";

import { gitOwnerOf } from "../lib/apply/git-owner";
import { applyPaths } from "../lib/apply/paths";
import type { ProjectConfig } from "../lib/config";
import { readFileAtRef } from "../lib/git/read-file-at-ref";
import type { Log } from "../lib/log";
import { findMaintainers, parseMaintainers, type MaintainersFile } from "../lib/maintainers/index";
import { maintainersToCc } from "../lib/notify/maintainers-cc";

export type ReadFileAtRef = typeof readFileAtRef;

export type MaintainersOf = (project: string, paths: string[]) => Promise<{ name: string; email: string }[]>;

/**
 * The maintainers and reviewers of touched files, from the MAINTAINERS file at the branch
 * head of the applier's mirror of the project's tree (parsed once per blob).
 */
export function createMaintainersOf(deps: {
  projects: ProjectConfig[];
  dataDir: string;
  log: Log;
  /** Reads MAINTAINERS from the mirror; tests may give another reader. */
  readFile?: ReadFileAtRef;
}): MaintainersOf {
  const read = deps.readFile ?? readFileAtRef;
  const parsed = new Map<string, MaintainersFile>();
  return async (projectName, paths) => {
    const owner = gitOwnerOf(deps.projects, projectName);
    const project = deps.projects.find((p) => p.name === projectName);
    const ownerConfig = deps.projects.find((p) => p.name === owner);
    if (!owner || !project || !ownerConfig?.git || paths.length === 0) return [];
    try {
      const mirror = applyPaths(deps.dataDir, owner).mirror;
      const file = await read(
        mirror,
        `refs/heads/${ownerConfig.git.branch}`,
        path.posix.normalize(project.maintainersPath),
      );
      if (!file) return [];
      let maintainers = parsed.get(file.blob);
      if (!maintainers) {
        maintainers = parseMaintainers(file.text);
        parsed.clear();
        parsed.set(file.blob, maintainers);
      }
      return maintainersToCc(findMaintainers(maintainers, paths));
    } catch (error) {
      deps.log.warn({ project: projectName, err: (error as Error).message }, "cannot read MAINTAINERS");
      return [];
    }
  };
}
