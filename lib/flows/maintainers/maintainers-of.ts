import type { ProjectConfig } from "../../config/projects-file";
import type { Log } from "../../log";
import { findMaintainers } from "../../maintainers/index";
import { maintainersToCc } from "../../notify/maintainers-cc";
import { createMaintainersLoader, type ReadFileAtRef } from "./load-maintainers";

export type MaintainersOf = (project: string, paths: string[]) => Promise<{ name: string; email: string }[]>;

/**
 * The maintainers and reviewers of touched files, from the MAINTAINERS file at the branch
 * head of the applier's mirror of the project's tree (load-maintainers.ts: parsed once per blob).
 */
export function createMaintainersOf(deps: {
  projects: ProjectConfig[];
  dataDir: string;
  log: Log;
  /** Reads MAINTAINERS from the mirror; tests may give another reader. */
  readFile?: ReadFileAtRef;
}): MaintainersOf {
  const load = createMaintainersLoader(deps);
  return async (projectName, paths) => {
    if (paths.length === 0) return [];
    try {
      const loaded = await load(projectName);
      if (loaded.kind !== "file") return [];
      return maintainersToCc(findMaintainers(loaded.file, paths));
    } catch (error) {
      deps.log.warn({ project: projectName, err: (error as Error).message }, "cannot read MAINTAINERS");
      return [];
    }
  };
}
