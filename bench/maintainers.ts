/**
 * bench/maintainers: matching paths against QEMU's MAINTAINERS (thousands of sections,
 * ~2,000 F: patterns), the way the who-to-ping and robot-mail code calls it.
 *
 *   npx tsx bench/maintainers.ts [-- --paths 100000] [--baseline 10000] [--series 200]
 *
 * Corpus (printed at the start): the 340 paths of the get_maintainer.pl answers in
 * lib/maintainers/__fixtures__/qemu-expected.json, the files named by the QEMU corpus
 * patches, and paths generated from the F: patterns themselves (a file named by each
 * literal pattern, files directly in and two levels below each directory pattern, a name
 * each glob matches, and the same name one directory deeper), cycled with varied file
 * names until --paths paths. The baseline, measured in the same run on the first
 * --baseline paths, is the plain matcher: every compiled F:/X: regex of every section
 * tested against every path. Figures are comparable across machines through that ratio.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { findMaintainers, matchSections, parseMaintainers } from "../lib/maintainers";
import { countSlashes, patternMatches } from "../lib/maintainers/pattern";
import type { MaintainersFile } from "../lib/maintainers/types";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const fixtures = path.join(root, "lib/maintainers/__fixtures__");
const { values } = parseArgs({
  options: {
    paths: { type: "string", default: "100000" },
    baseline: { type: "string", default: "10000" },
    series: { type: "string", default: "200" },
  },
});
const total = Number(values.paths);

/** Deterministic pseudo-random numbers (mulberry32), so every run uses the same corpus. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261129);
const WORDS = ["core", "virtio", "pci", "dma", "irq", "helper", "trace", "util", "test", "ops"];
const word = () => WORDS[Math.floor(rand() * WORDS.length)]!;

/** A concrete name the glob matches: `*` → a word, `?` → a letter, `[hc]` → its first character, `{a,b}` → a. */
function instantiate(glob: string): string {
  return glob
    .replace(/\{([^,}]*),[^}]*\}/g, "$1")
    .replace(/\[\^?([^\]])[^\]]*\]/g, "$1")
    .replace(/\*/g, () => word())
    .replace(/\?/g, "x");
}

function corpus(file: MaintainersFile): { paths: string[]; description: string[] } {
  const expected = JSON.parse(fs.readFileSync(path.join(fixtures, "qemu-expected.json"), "utf8")) as {
    cases: { path: string; path_as_tool_sees_it?: string }[];
  };
  const real = expected.cases.map((c) => c.path_as_tool_sees_it ?? c.path);
  const patchPaths: string[] = [];
  for (const name of fs.readdirSync(path.join(fixtures, "patches")).filter((n) => n.startsWith("qemu-"))) {
    const text = fs.readFileSync(path.join(fixtures, "patches", name), "utf8");
    for (const m of text.matchAll(/^\+\+\+ b\/(\S+)/gm)) patchPaths.push(m[1]!);
  }
  const generators: (() => string)[] = [];
  for (const section of file.sections) {
    for (const f of section.files) {
      const glob = f.source.trim();
      if (glob.endsWith("/")) {
        generators.push(() => `${instantiate(glob)}${word()}-${word()}.c`);
        generators.push(() => `${instantiate(glob)}${word()}/${word()}/${word()}.h`);
      } else if (/[*?[{]/.test(glob)) {
        generators.push(() => instantiate(glob));
        generators.push(() => {
          const i = glob.lastIndexOf("/");
          return `${glob.slice(0, i + 1)}${word()}/${instantiate(glob.slice(i + 1))}`.replace(/^\//, "");
        });
      } else {
        generators.push(() => glob);
        generators.push(() => `${glob}.${word()}`);
      }
    }
  }
  const paths = [...real, ...patchPaths];
  while (paths.length < total) paths.push(generators[Math.floor(rand() * generators.length)]!());
  paths.length = total;
  return {
    paths,
    description: [
      `${real.length} paths from qemu-expected.json (get_maintainer.pl's cases)`,
      `${patchPaths.length} files from the QEMU corpus patches`,
      `${total - real.length - patchPaths.length} paths generated from the ${generators.length / 2} F: patterns (seeded)`,
      `${new Set(paths).size} distinct, mean depth ${(paths.reduce((n, p) => n + countSlashes(p), 0) / paths.length).toFixed(2)} directories`,
    ],
  };
}

/** The plain matcher: every F:/X: regex of every section against the path, then the same ordering. */
function naiveSections(file: MaintainersFile, p: string): string[] {
  const slashes = countSlashes(p);
  const found: { title: string; depth: number; index: number }[] = [];
  for (const section of file.sections) {
    if (section.excludes.some((x) => patternMatches({ ...x, literal: null }, p, slashes))) continue;
    let depth: number | null = null;
    for (const f of section.files)
      if ((f.recursive || f.slashes === slashes) && f.test.test(p)) depth = f.depth;
    if (depth !== null) found.push({ title: section.title, depth, index: section.index });
  }
  return found.sort((a, b) => b.depth - a.depth || a.index - b.index).map((s) => s.title);
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function seriesPatches(paths: string[], patches: number, files: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < patches; i++) {
    const mine = paths.slice(Math.floor((i * files) / patches), Math.floor(((i + 1) * files) / patches));
    const body = mine
      .map(
        (f) =>
          `diff --git a/${f} b/${f}\n--- a/${f}\n+++ b/${f}\n@@ -1,3 +1,3 @@\n ctx\n-old line\n+new line\n`,
      )
      .join("");
    out.push(
      `Subject: [PATCH v2 ${i + 1}/${patches}] hw: tidy ${word()}\n\nBody text.\n\nSigned-off-by: A <a@example.org>\n---\n${body}`,
    );
  }
  return out;
}

function main(): void {
  const text = fs.readFileSync(path.join(fixtures, "qemu.MAINTAINERS"), "utf8");
  let started = performance.now();
  const file = parseMaintainers(text, {
    directories: ["hw/sensor", "include/hw/sensor", "target/s390x/tcg"],
  });
  const parseMs = performance.now() - started;
  const patterns = file.sections.reduce((n, s) => n + s.files.length + s.excludes.length, 0);
  const { paths, description } = corpus(file);
  console.log(`MAINTAINERS: qemu.MAINTAINERS, ${file.sections.length} sections, ${patterns} F:/X: patterns`);
  console.log(`corpus: ${paths.length} paths:\n  ${description.join("\n  ")}`);
  console.log(`parse + compile: ${parseMs.toFixed(1)} ms`);

  // Warm-up so the JIT has settled before timing.
  for (let i = 0; i < 5000; i++) findMaintainers(file, [paths[i % paths.length]!]);

  // Throughput: three passes without per-path timers; the best and the median are shown
  // (other processes on the machine slow single passes down).
  const passes: number[] = [];
  let entries = 0;
  for (let round = 0; round < 3; round++) {
    entries = 0;
    started = performance.now();
    for (const p of paths) entries += findMaintainers(file, [p]).length;
    passes.push(performance.now() - started);
  }
  passes.sort((a, b) => a - b);
  const fullMs = passes[0]!;

  const each = new Float64Array(paths.length);
  for (let i = 0; i < paths.length; i++) {
    const t0 = performance.now();
    findMaintainers(file, [paths[i]!]);
    each[i] = performance.now() - t0;
  }
  each.sort();

  started = performance.now();
  for (const p of paths) matchSections(file, p);
  const sectionsMs = performance.now() - started;

  const baselineCount = Math.min(Number(values.baseline), paths.length);
  started = performance.now();
  const naive = paths.slice(0, baselineCount).map((p) => naiveSections(file, p));
  const naiveMs = performance.now() - started;
  const disagree = naive.filter(
    (titles, i) =>
      titles.join("\n") !==
      matchSections(file, paths[i]!)
        .map((m) => m.section.title)
        .join("\n"),
  ).length;

  const seriesCount = Number(values.series);
  const seriesTimes: number[] = [];
  for (let s = 0; s < seriesCount; s++) {
    const offset = Math.floor(rand() * (paths.length - 200));
    const touched = paths.slice(offset, offset + 200);
    const patches = seriesPatches(touched, 30, 200);
    const t0 = performance.now();
    for (const patch of patches) findMaintainers(file, [], { patch });
    findMaintainers(file, touched);
    seriesTimes.push(performance.now() - t0);
  }
  seriesTimes.sort((a, b) => a - b);

  const rate = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString("en-US");
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(
    `findMaintainers, one path at a time: ${rate(paths.length, fullMs)} paths/s best of 3 passes ` +
      `(${fullMs.toFixed(0)} ms; median pass ${rate(paths.length, passes[1]!)} paths/s; ${entries} entries); ` +
      `per path p50 ${us(percentile(each, 50))}, p95 ${us(percentile(each, 95))}, p99 ${us(percentile(each, 99))}`,
  );
  console.log(`matchSections only (sections, no people): ${rate(paths.length, sectionsMs)} paths/s`);
  console.log(
    `baseline, every regex on every path (${baselineCount} paths): ${rate(baselineCount, naiveMs)} paths/s; ` +
      `indexed matcher is ${(naiveMs / baselineCount / (sectionsMs / paths.length)).toFixed(1)}x faster; ` +
      `${disagree} of ${baselineCount} answers differ`,
  );
  console.log(
    `series of 30 patches touching 200 files (each patch scanned for files and K:, plus the union): ` +
      `median ${seriesTimes[Math.floor(seriesCount / 2)]!.toFixed(2)} ms, p95 ${seriesTimes[Math.floor(seriesCount * 0.95)]!.toFixed(2)} ms over ${seriesCount} series`,
  );
  console.log(
    `peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB RSS; heap now ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`,
  );
  if (disagree > 0) process.exitCode = 1;
}

main();
