import { findMaintainers, matchSections } from "./match";
import { nextBestFor, PARENT_DIRECTORY_PREFIX } from "./next-best";
import { scanPatch } from "./patch-files";
import type { MaintainerRole, MaintainersFile, Section } from "./types";

/** One person or list responsible for a series: a series_responsible row. */
export interface ResponsibleEntry {
  /** Lower-cased. */
  email: string;
  name: string;
  role: MaintainerRole;
  /** Titles of every section naming this address for the series, most relevant first; `parent directory: <dir>` for a next-best. */
  sections: string[];
  /** The `S:` of the most relevant section naming it. */
  status: string | null;
  /** 1 = most relevant. */
  rank: number;
}

/**
 * Who is responsible for a series touching `paths` (and whose diffs are `patch`, for K:
 * keywords): get_maintainer.pl's answer (findMaintainers), one entry per address in its
 * order, each with every section that names it; then, for orphaned files, the next-best
 * maintainers and lists of the nearest maintained parent directory (next-best.ts), ranked
 * after everything else and labelled `parent directory: <dir>`.
 */
export function responsibleFor(
  file: MaintainersFile,
  paths: readonly string[],
  patch?: string,
): ResponsibleEntry[] {
  const scanned = patch === undefined ? null : scanPatch(patch, file.keywords, file.rules.extendedPatchFiles);
  const allPaths = [...new Set([...paths, ...(scanned?.files ?? [])])];
  const sectionsByAddress = new Map<string, string[]>();
  const note = (email: string, section: Section) => {
    const key = email.toLowerCase();
    const list = sectionsByAddress.get(key) ?? [];
    if (!list.includes(section.title)) list.push(section.title);
    sectionsByAddress.set(key, list);
  };
  const noteSection = (section: Section) => {
    for (const { person } of section.people) note(person.email, section);
    for (const list of section.lists) note(list.email, section);
  };
  for (const path of allPaths) for (const { section } of matchSections(file, path)) noteSection(section);
  if (scanned)
    for (const k of file.keywords) if (scanned.keywords.has(k)) noteSection(file.sections[k.section]!);

  const out: ResponsibleEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: Omit<ResponsibleEntry, "rank">) => {
    if (!entry.email || seen.has(entry.email)) return;
    seen.add(entry.email);
    out.push({ ...entry, rank: out.length + 1 });
  };
  for (const e of findMaintainers(file, paths, patch === undefined ? {} : { patch })) {
    const email = e.email.toLowerCase();
    add({
      email,
      name: e.name,
      role: e.role,
      sections: [e.section, ...(sectionsByAddress.get(email) ?? []).filter((t) => t !== e.section)],
      status: e.status ?? null,
    });
  }
  for (const area of nextBestFor(file, allPaths)) {
    for (const e of area.entries) {
      add({
        email: e.email.toLowerCase(),
        name: e.name,
        role: e.role,
        sections: [`${PARENT_DIRECTORY_PREFIX}${area.directory}`, e.section],
        status: e.status,
      });
    }
  }
  return out;
}
