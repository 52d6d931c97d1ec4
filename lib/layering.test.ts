import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

/**
 * The layering of docs/architecture.md, checked on the import statements themselves:
 * domain <- db, git <- flows <- views, http <- app, workers. ESLint's
 * no-restricted-imports (eslint.config.mjs) stops a wrong import as it is written; this
 * checks what a per-file rule cannot see, that no two folders import each other in a loop.
 */
const root = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return ["generated", "node_modules", "__fixtures__"].includes(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** lib/<folder> for a file in a folder of lib/, lib/<name> for a file directly in lib/, else the top folder. */
function unitOf(file: string): string {
  const parts = path.relative(root, file).split(path.sep);
  if (parts[0] !== "lib") return parts[0]!;
  return `lib/${parts.length > 2 ? parts[1] : parts[1]!.replace(/\.(ts|tsx|mjs)$/, "")}`;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Folder-level edges between source files that are not tests or test support. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const files = ["lib", "workers", "app"].flatMap((top) => sourceFiles(path.join(root, top)));
  for (const file of files) {
    if (/\.test\.tsx?$/.test(file) || file.includes(`${path.sep}test-support${path.sep}`)) continue;
    const from = unitOf(file);
    for (const match of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const spec = match[1] ?? match[2]!;
      let target: string;
      if (spec.startsWith("@/")) target = path.join(root, spec.slice(2));
      else if (spec.startsWith(".")) target = path.resolve(path.dirname(file), spec);
      else continue;
      const to = unitOf(target);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Each loop as its folders, found by depth-first search from every folder. */
function loops(graph: Map<string, Set<string>>): string[][] {
  const found = new Map<string, string[]>();
  const visit = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      const loop = trail.slice(at);
      found.set([...loop].sort().join(" "), [...loop, node]);
      return;
    }
    if (trail.length > 12) return;
    for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
  };
  for (const node of graph.keys()) visit(node, []);
  return [...found.values()];
}

describe("the layering", () => {
  const graph = folderGraph();

  it("has no import loop between folders", () => {
    expect(loops(graph).map((loop) => loop.join(" -> "))).toEqual([]);
  });

  it("keeps lib/db below the flows, the views and the presentation", () => {
    const above = ["lib/flows", "lib/views", "lib/ui", "lib/notify", "lib/stats", "lib/http", "lib/atom"];
    expect([...(graph.get("lib/db") ?? [])].filter((to) => above.includes(to))).toEqual([]);
  });

  it("finds the imports it checks", () => {
    // A broken pattern would find no edge and pass every rule above.
    expect(graph.get("workers")?.has("lib/flows")).toBe(true);
    expect(graph.get("lib/flows")?.has("lib/db")).toBe(true);
  });
});
