import crypto from "node:crypto";

import { LRUCache } from "lru-cache";

import {
  type DiffFileEntry,
  type DiffFileSummary,
  type DiffHunkView,
  diffFiles,
  extendedHeader,
  renderHunks,
} from "../diff/diff-view";
import { INLINE_DIFF_LINES, planInlineFiles } from "./diff-budget";

/**
 * A diff parsed, and its files highlighted as they are asked for. A message's diff never
 * changes, while parsing and highlighting it is most of the work of showing it: kept by
 * the digest of the text, so a series page seen again or a file opened after its page
 * reuses them. Bounded by a rough size (the text four times over).
 */
interface ParsedDiff {
  files: DiffFileEntry[];
  hunks: Map<number, DiffHunkView[]>;
}

const parsed = new LRUCache<string, ParsedDiff>({ maxSize: 256 * 2 ** 20 });

function parseDiff(diff: string): ParsedDiff {
  const key = crypto.createHash("sha1").update(diff).digest("base64");
  let entry = parsed.get(key);
  if (!entry) {
    entry = { files: diffFiles(diff), hunks: new Map() };
    parsed.set(key, entry, { size: diff.length * 4 + 1 });
  }
  return entry;
}

function hunksOf(diff: ParsedDiff, index: number): DiffHunkView[] | null {
  const file = diff.files[index];
  if (!file) return null;
  let hunks = diff.hunks.get(index);
  if (!hunks) {
    hunks = renderHunks(file.section, file.summary.path);
    diff.hunks.set(index, hunks);
  }
  return hunks;
}

/** One file of a patch as a page renders it: hunks when inline, null when loaded on demand. */
export interface PreparedFile {
  summary: DiffFileSummary;
  /** Rename, mode and binary lines of its header. */
  header: string[];
  hunks: DiffHunkView[] | null;
}

/** The files of each diff, the first ones (in page order) rendered within the line budget. */
export function prepareDiffs(diffs: string[], budget = INLINE_DIFF_LINES): PreparedFile[][] {
  const parsedDiffs = diffs.map(parseDiff);
  const files = parsedDiffs.map((d) => d.files);
  // A binary file shows its header only: its base85 lines cost nothing to render.
  const plan = planInlineFiles(
    files.map((list) => list.map((f) => (f.summary.change?.binary ? 0 : f.summary.lines))),
    budget,
  );
  return files.map((list, p) =>
    list.map((f, i) => ({
      summary: f.summary,
      header: extendedHeader(f.section),
      hunks: plan[p]![i] ? hunksOf(parsedDiffs[p]!, i) : null,
    })),
  );
}

/** The hunks of file `fileIndex` of a diff, for the route that serves a file opened later. */
export function fileHunks(diff: string, fileIndex: number): DiffHunkView[] | null {
  return hunksOf(parseDiff(diff), fileIndex);
}
