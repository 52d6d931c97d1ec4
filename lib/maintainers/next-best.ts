import { matchSections } from "./match";
import type { MaintainerRole, MaintainersFile, Section } from "./types";

/** The section label of a next-best row: `parent directory: hw/mips`. */
export const PARENT_DIRECTORY_PREFIX = "parent directory: ";

/** `S: Orphan`, `S: Odd Fixes` and `S: Obsolete`: nobody looks after the area as a duty. */
export function isUnmaintainedStatus(status: string | null | undefined): boolean {
  return /^\s*(orphan|odd\s*fix|obsolete)/i.test(status ?? "");
}

// A section that matches every path (F: lines `*` and `*/`): THE REST, QEMU's "All patches CC here".
export function isCatchAll(section: Section): boolean {
  return section.files.some((f) => f.source === "*" || f.source === "*/");
}

/** Someone looks after it: an M: person and a status that is not Orphan, Odd Fixes or Obsolete. */
export function isMaintainedSection(section: Section): boolean {
  return (
    !isCatchAll(section) &&
    !isUnmaintainedStatus(section.status) &&
    section.people.some((p) => p.kind === "maintainer")
  );
}

/**
 * Files nobody looks after: every section naming them (THE REST aside) is Orphan, Odd
 * Fixes or Obsolete, or only THE REST names them.
 */
export function orphanedFiles(file: MaintainersFile, paths: readonly string[]): string[] {
  return paths.filter((p) =>
    matchSections(file, p).every(
      ({ section }) => isCatchAll(section) || isUnmaintainedStatus(section.status),
    ),
  );
}

export interface NextBestEntry {
  name: string;
  email: string;
  role: Extract<MaintainerRole, "maintainer" | "list">;
  /** The section the person or list comes from. */
  section: string;
  status: string | null;
}

export interface NextBestArea {
  /** The nearest parent directory with a maintained section, without a trailing `/`. */
  directory: string;
  /** The orphaned files it stands in for. */
  files: string[];
  /** Its maintained sections' M: people, then their lists, most specific section first. */
  entries: NextBestEntry[];
}

/** `hw/mips/malta.c` → `hw/mips`, `hw`; a file at the top has no parent directory. */
function parentDirectories(path: string): string[] {
  const parts = path.split("/").slice(0, -1);
  const out: string[] = [];
  for (let n = parts.length; n > 0; n--) out.push(parts.slice(0, n).join("/"));
  return out;
}

/** More sections than this naming files in one directory: none of them is the directory's. */
export const MAX_NEIGHBOUR_SECTIONS = 3;

const neighbours = new WeakMap<MaintainersFile, Map<string, Section[]>>();

/**
 * Per directory, the maintained sections with an F: pattern for files directly in it
 * (`F: hw/mips/jazz.c` for `hw/mips`), in file order; built once per parsed file.
 */
function neighboursIn(file: MaintainersFile): Map<string, Section[]> {
  let byDirectory = neighbours.get(file);
  if (byDirectory) return byDirectory;
  byDirectory = new Map();
  for (const section of file.sections) {
    if (!isMaintainedSection(section)) continue;
    for (const pattern of section.files) {
      const slash = pattern.source.lastIndexOf("/");
      if (pattern.recursive || slash <= 0) continue;
      const directory = pattern.source.slice(0, slash);
      if (/[*?[{]/.test(directory)) continue;
      const list = byDirectory.get(directory) ?? [];
      if (!list.includes(section)) list.push(section);
      byDirectory.set(directory, list);
    }
  }
  neighbours.set(file, byDirectory);
  return byDirectory;
}

/**
 * The next-best people for orphaned files (see orphanedFiles): the maintainers and lists
 * of the nearest parent directory, walking up one level at a time, that a maintained
 * section covers as a whole (its F: matches the directory itself, `F: hw/mips/`) or,
 * failing that, whose maintained sections name files directly in it (`F: hw/mips/jazz.c`:
 * the people who look after the neighbouring files; at most MAX_NEIGHBOUR_SECTIONS). Files whose every parent is
 * orphaned too are left out: their own lists are all there is.
 */
export function nextBestFor(file: MaintainersFile, paths: readonly string[]): NextBestArea[] {
  const byDirectory = new Map<string, NextBestArea>();
  const sectionsOf = new Map<string, Section[]>();
  for (const path of orphanedFiles(file, paths)) {
    for (const directory of parentDirectories(path)) {
      let sections = sectionsOf.get(directory);
      if (!sections) {
        sections = matchSections(file, `${directory}/`)
          .map((m) => m.section)
          .filter(isMaintainedSection);
        if (sections.length === 0) {
          const near = neighboursIn(file).get(directory) ?? [];
          // A directory shared by many areas (docs/system) says nothing about who is nearest.
          if (near.length <= MAX_NEIGHBOUR_SECTIONS) sections = near;
        }
        sectionsOf.set(directory, sections);
      }
      if (sections.length === 0) continue;
      let area = byDirectory.get(directory);
      if (!area) {
        area = { directory, files: [], entries: areaEntries(sections) };
        byDirectory.set(directory, area);
      }
      area.files.push(path);
      break;
    }
  }
  return [...byDirectory.values()];
}

function areaEntries(sections: Section[]): NextBestEntry[] {
  const seen = new Set<string>();
  const people: NextBestEntry[] = [];
  const lists: NextBestEntry[] = [];
  for (const section of sections) {
    for (const { kind, person } of section.people) {
      const key = person.email.toLowerCase();
      if (kind !== "maintainer" || !key || seen.has(key)) continue;
      seen.add(key);
      people.push({
        name: person.name,
        email: person.email,
        role: "maintainer",
        section: section.title,
        status: section.status,
      });
    }
    for (const list of section.lists) {
      const key = list.email.toLowerCase();
      if (/subscribers-only/.test(list.note) || !key || seen.has(key)) continue;
      seen.add(key);
      lists.push({
        name: "",
        email: list.email,
        role: "list",
        section: section.title,
        status: section.status,
      });
    }
  }
  return [...people, ...lists];
}
