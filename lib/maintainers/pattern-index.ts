import { patternMatches } from "./pattern";
import type { FilePattern, Section } from "./types";

/**
 * F: patterns filed in a tree of path components by their fixed leading directories
 * (`hw/arm/virt.c` under hw → arm, `hw/<glob>/xilinx_*` under hw, `*` at the root). A path
 * only visits the nodes of its own directories, so it is tested against the few dozen
 * patterns that can match it instead of all of them.
 */
interface IndexedPattern {
  pattern: FilePattern;
  section: number;
}

interface IndexNode {
  children: Map<string, IndexNode>;
  /** Patterns ending in `/`, which match at any depth. */
  recursive: IndexedPattern[];
  /** The others by their number of `/`: only paths with as many can match. */
  bySlashes: Map<number, IndexedPattern[]>;
}

export interface PatternIndex {
  root: IndexNode;
  /** Sections with N: regexes, tested on every path (only where the dialect reads N:). */
  pathRegexSections: number[];
}

function newNode(): IndexNode {
  return { children: new Map(), recursive: [], bySlashes: new Map() };
}

export function buildPatternIndex(sections: Section[]): PatternIndex {
  const root = newNode();
  const pathRegexSections: number[] = [];
  for (const section of sections) {
    if (section.pathRegexes.length > 0) pathRegexSections.push(section.index);
    for (const pattern of section.files) {
      const dirs = pattern.prefix.split("/");
      dirs.pop(); // the part after the last `/` is not a whole component
      let node = root;
      for (const dir of dirs) {
        let child = node.children.get(dir);
        if (!child) node.children.set(dir, (child = newNode()));
        node = child;
      }
      const entry = { pattern, section: section.index };
      if (pattern.recursive) node.recursive.push(entry);
      else {
        const list = node.bySlashes.get(pattern.slashes);
        if (list) list.push(entry);
        else node.bySlashes.set(pattern.slashes, [entry]);
      }
    }
  }
  return { root, pathRegexSections };
}

/** A matching section and the F: line (its order) that decided its depth. */
export interface SectionHit {
  section: number;
  depth: number;
  order: number;
}

/** Every section whose F: lines match `path` (X: not yet applied), keyed by section. */
export function collectFileHits(
  index: PatternIndex,
  path: string,
  slashes: number,
  hits: Map<number, SectionHit>,
): void {
  let node: IndexNode | undefined = index.root;
  let start = 0;
  while (node) {
    visit(node.recursive, path, slashes, hits);
    const sameDepth = node.bySlashes.get(slashes);
    if (sameDepth) visit(sameDepth, path, slashes, hits);
    const slash = path.indexOf("/", start);
    if (slash < 0) break;
    node = node.children.get(path.slice(start, slash));
    start = slash + 1;
  }
}

function visit(list: IndexedPattern[], path: string, slashes: number, hits: Map<number, SectionHit>): void {
  for (const { pattern, section } of list) {
    if (!patternMatches(pattern, path, slashes)) continue;
    const seen = hits.get(section);
    if (!seen || pattern.order > seen.order)
      hits.set(section, { section, depth: pattern.depth, order: pattern.order });
  }
}
