import type { GitConfig, ProjectConfig } from "../config/projects-file";

/**
 * The project whose upstream tree a project's series apply to: the project itself when
 * it names a git repository, else its parent's (a subproject such as qemu-block sends
 * patches for its parent's tree), else none. One mirror, publish repository and applier
 * serve a project and the subprojects that borrow its tree.
 */
export interface GitOwner {
  name: string;
  git: GitConfig;
  /** The owner and every subproject without its own repository, whose series it applies. */
  members: string[];
}

export function gitOwners(projects: readonly ProjectConfig[]): Map<string, GitOwner> {
  const owners = new Map<string, GitOwner>();
  for (const p of projects) if (p.git) owners.set(p.name, { name: p.name, git: p.git, members: [p.name] });
  for (const p of projects) {
    const owner = !p.git && p.parent ? owners.get(p.parent) : undefined;
    if (owner) owner.members.push(p.name);
  }
  return owners;
}

/** The owner of a project's tree (see gitOwners), or null when it has none. */
export function gitOwnerOf(projects: readonly ProjectConfig[], name: string): string | null {
  const p = projects.find((x) => x.name === name);
  if (!p) return null;
  if (p.git) return p.name;
  const parent = p.parent ? projects.find((x) => x.name === p.parent) : undefined;
  return parent?.git ? parent.name : null;
}
