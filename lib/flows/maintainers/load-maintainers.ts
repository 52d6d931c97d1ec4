import fs from "node:fs";
import path from "node:path";

import { gitOwnerOf } from "../../apply/git-owner";
import { applyPaths } from "../../apply/paths";
import type { ProjectConfig } from "../../config/projects-file";
import { listTreeDirectories } from "../../git/list-tree-directories";
import { readFileAtRef } from "../../git/read-file-at-ref";
import { parseMaintainers, type MaintainersFile } from "../../maintainers/index";

/** Parsed files kept (QEMU's parses in about 30 ms; Linux's is ten times larger). */
const MAX_PARSED = 8;

export type ReadFileAtRef = typeof readFileAtRef;

/** A project's MAINTAINERS as read from its tree, or why there is none. */
export type LoadedMaintainers =
  | { kind: "file"; owner: string; blob: string; file: MaintainersFile }
  | { kind: "none"; owner: string | null; reason: string };

/** Words shown on the series page and kept in git_mirror.maintainers_error. */
export const NO_GIT_TREE = "the project has no git tree configured";
export const NO_MAINTAINERS_FILE = "no MAINTAINERS file in the tree";
export const NOT_FETCHED = "the project's tree has not been fetched yet";

/**
 * Reads a project's MAINTAINERS (setting `maintainersPath`) at the branch head of the
 * applier's mirror of its tree (a subproject reads its parent's), parsed once per blob
 * with the tree's directories, so that an `F:` value naming a directory is recursive as
 * get_maintainer.pl makes it. The directories are those of the tree the blob was first
 * seen in: a directory added later without a MAINTAINERS change is taken as a prefix.
 * The robot's Cc (maintainers-of.ts) and the responsible people (compute-responsible.ts)
 * both read through it.
 */
export function createMaintainersLoader(deps: {
  projects: readonly ProjectConfig[];
  dataDir: string;
  /** Reads MAINTAINERS from the mirror; tests may give another reader. */
  readFile?: ReadFileAtRef;
}): (projectName: string) => Promise<LoadedMaintainers> {
  const read = deps.readFile ?? readFileAtRef;
  const parsed = new Map<string, MaintainersFile>();
  return async (projectName) => {
    const owner = gitOwnerOf(deps.projects, projectName);
    const project = deps.projects.find((p) => p.name === projectName);
    const ownerConfig = deps.projects.find((p) => p.name === owner);
    if (!owner || !project || !ownerConfig?.git) return { kind: "none", owner: null, reason: NO_GIT_TREE };
    const mirror = applyPaths(deps.dataDir, owner).mirror;
    const ref = `refs/heads/${ownerConfig.git.branch}`;
    if (!fs.existsSync(mirror)) return { kind: "none", owner, reason: NOT_FETCHED };
    const found = await read(mirror, ref, path.posix.normalize(project.maintainersPath));
    if (!found) return { kind: "none", owner, reason: NO_MAINTAINERS_FILE };
    let file = parsed.get(found.blob);
    if (!file) {
      const directories = new Set(await listTreeDirectories(mirror, ref));
      file = parseMaintainers(found.text, { directories });
      // A few trees, one current blob each: the oldest parse goes first.
      if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
      parsed.set(found.blob, file);
    }
    return { kind: "file", owner, blob: found.blob, file };
  };
}
