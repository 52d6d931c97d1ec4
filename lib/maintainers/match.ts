import { asciiLower, formatPerson } from "./email";
import { countSlashes, patternMatches } from "./pattern";
import { collectFileHits, type SectionHit } from "./pattern-index";
import { scanPatch } from "./patch-files";
import type { MaintainerEntry, MaintainersFile, Section } from "./types";

export interface SectionMatch {
  section: Section;
  /** get_maintainer.pl's specificity of the match (higher is more specific). */
  depth: number;
}

/**
 * The sections responsible for one path, most specific first, as get_maintainer.pl
 * finds them: a section whose X: matches is skipped; otherwise its depth is the depth of
 * its last matching F: line (or 0 for an N: regex). Equal depths keep file order, where
 * the script leaves Perl's hash order (it varies from run to run).
 * Paths are taken as given (`./a` or `a//b` do not match `a/b`); a directory is written
 * with a trailing `/`.
 */
export function matchSections(file: MaintainersFile, path: string): SectionMatch[] {
  const slashes = countSlashes(path);
  const hits = new Map<number, SectionHit>();
  collectFileHits(file.index, path, slashes, hits);
  if (file.rules.pathRegexes) {
    for (const index of file.index.pathRegexSections) {
      for (const regex of file.sections[index]!.pathRegexes) {
        if (!regex.test?.test(path)) continue;
        const seen = hits.get(index);
        if (!seen || regex.order > seen.order)
          hits.set(index, { section: index, depth: 0, order: regex.order });
      }
    }
  }
  const matches: SectionMatch[] = [];
  for (const hit of hits.values()) {
    const section = file.sections[hit.section]!;
    if (section.excludes.some((x) => patternMatches(x, path, slashes))) continue;
    matches.push({ section, depth: hit.depth });
  }
  return matches.sort((a, b) => b.depth - a.depth || a.section.index - b.section.index);
}

interface Line {
  entry: MaintainerEntry;
  /** `Name <address>` as the script prints it: its duplicate test. */
  formatted: string;
  /** Lower-cased (ASCII) name and address: --remove-duplicates' keys. */
  nameKey: string;
  addressKey: string;
}

/** get_maintainer.pl's role text of a section's M: people: `<status word>:<label>`. */
function maintainerLabel(section: Section): string {
  return `${section.statusRole}:${section.label}`;
}

interface PreparedSection {
  people: Line[];
  lists: Line[];
}

/** Each section's answer lines, built once per section and kind of match. */
const prepared = new WeakMap<Section, Partial<Record<MaintainerEntry["via"], PreparedSection>>>();

function prepare(file: MaintainersFile, section: Section, via: MaintainerEntry["via"]): PreparedSection {
  let byVia = prepared.get(section);
  if (!byVia) prepared.set(section, (byVia = {}));
  const cached = byVia[via];
  if (cached) return cached;
  const status = section.status ?? undefined;
  const people = section.people.map(({ kind, person }): Line => {
    const label =
      kind === "maintainer"
        ? maintainerLabel(section)
        : file.rules.reviewerRoleWithSection
          ? `reviewer:${section.label}`
          : "reviewer";
    return {
      entry: {
        name: person.name,
        email: person.email,
        role: kind,
        section: section.title,
        status,
        label,
        via,
      },
      formatted: formatPerson(person.name, person.email),
      nameKey: asciiLower(person.name),
      addressKey: asciiLower(person.email),
    };
  });
  const lists: Line[] = [];
  for (const list of section.lists) {
    // Subscribers-only lists are left out, as with the script's default --no-s.
    if (/subscribers-only/.test(list.note) || !list.email) continue;
    const where = section.label === "THE REST" ? "" : `:${section.label}`;
    const label = `${/moderated/.test(list.note) ? "moderated" : "open"} list${where}`;
    lists.push({
      entry: { name: "", email: list.email, role: "list", section: section.title, status, label, via },
      formatted: list.email,
      nameKey: "",
      addressKey: asciiLower(list.email),
    });
  }
  return (byVia[via] = { people, lists });
}

/** Collects people and lists section by section, as the script's add_categories does. */
class Collector {
  people: Line[] = [];
  lists: Line[] = [];
  private names = new Set<string>();
  private addresses = new Set<string>();
  private listAddresses = new Set<string>();

  constructor(private readonly file: MaintainersFile) {}

  add(section: Section, via: MaintainerEntry["via"]): void {
    const lines = prepare(this.file, section, via);
    const dedupe = this.file.rules.removeDuplicates;
    for (const line of lines.people) {
      if (dedupe) {
        if ((line.nameKey && this.names.has(line.nameKey)) || this.addresses.has(line.addressKey)) continue;
        if (line.nameKey) this.names.add(line.nameKey);
        this.addresses.add(line.addressKey);
      }
      this.people.push(line);
    }
    for (const line of lines.lists) {
      if (this.listAddresses.has(line.addressKey)) continue;
      this.listAddresses.add(line.addressKey);
      this.lists.push(line);
    }
  }

  /** Xen's --drop_the_rest_supporter: THE REST's people go when others were found. */
  dropTheRest(): void {
    if (this.people.length < 2) return;
    const kept = this.people.filter((p) => p.entry.label !== "supporter:THE REST");
    if (kept.length > 0) this.people = kept;
  }

  /**
   * People first, then lists, each printed once (merge_email). With --remove-duplicates a
   * list whose address is already listed as a person is folded into that person.
   */
  result(): MaintainerEntry[] {
    const dedupe = this.file.rules.removeDuplicates;
    const seen = new Set<string>();
    const out: MaintainerEntry[] = [];
    for (const line of this.people) {
      if (seen.has(line.formatted)) continue;
      seen.add(line.formatted);
      out.push({ ...line.entry });
    }
    for (const line of this.lists) {
      if (seen.has(line.formatted) || (dedupe && this.addresses.has(line.addressKey))) continue;
      seen.add(line.formatted);
      out.push({ ...line.entry });
    }
    return out;
  }
}

/**
 * The maintainers, reviewers and lists for a set of touched paths, most relevant first,
 * as get_maintainer.pl prints them: for each path its sections, most specific first; all
 * people (M: and R: in file order) before all lists. With `patch`, the files it touches
 * are added (the whole set is then sorted, as the script does in patch mode) and its K:
 * keywords bring their sections in after the file matches.
 */
export function findMaintainers(
  file: MaintainersFile,
  paths: readonly string[],
  options: { patch?: string } = {},
): MaintainerEntry[] {
  let files = [...paths];
  let keywordSections: number[] = [];
  if (options.patch !== undefined) {
    const scanned = scanPatch(options.patch, file.keywords, file.rules.extendedPatchFiles);
    files = [...new Set([...files, ...scanned.files])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    keywordSections = file.keywords.filter((k) => scanned.keywords.has(k)).map((k) => k.section);
  }
  const collector = new Collector(file);
  let onlyTheRest = false;
  for (const path of files) {
    let others = false;
    for (const { section } of matchSections(file, path)) {
      collector.add(section, "file");
      if (maintainerLabel(section) !== "supporter:THE REST") others = true;
    }
    if (!others) onlyTheRest = true;
  }
  for (const index of keywordSections) collector.add(file.sections[index]!, "keyword");
  if (file.rules.dropTheRestSupporter && !onlyTheRest) collector.dropTheRest();
  return collector.result();
}
