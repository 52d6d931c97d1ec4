import {
  type DiffFileSummary,
  type DiffHunkView,
  diffFiles,
  extendedHeader,
  renderHunks,
} from "../diff/diff-view";
import { INLINE_DIFF_LINES, planInlineFiles } from "./diff-budget";

/** One file of a patch as a page renders it: hunks when inline, null when loaded on demand. */
export interface PreparedFile {
  summary: DiffFileSummary;
  /** Rename, mode and binary lines of its header. */
  header: string[];
  hunks: DiffHunkView[] | null;
}

/** The files of each diff, the first ones (in page order) rendered within the line budget. */
export function prepareDiffs(diffs: string[], budget = INLINE_DIFF_LINES): PreparedFile[][] {
  const files = diffs.map((diff) => diffFiles(diff));
  // A binary file shows its header only: its base85 lines cost nothing to render.
  const plan = planInlineFiles(
    files.map((list) => list.map((f) => (f.summary.change?.binary ? 0 : f.summary.lines))),
    budget,
  );
  return files.map((list, p) =>
    list.map((f, i) => ({
      summary: f.summary,
      header: extendedHeader(f.section),
      hunks: plan[p]![i] ? renderHunks(f.section, f.summary.path) : null,
    })),
  );
}

/** The hunks of file `fileIndex` of a diff, for the route that serves a file opened later. */
export function fileHunks(diff: string, fileIndex: number): DiffHunkView[] | null {
  const file = diffFiles(diff)[fileIndex];
  return file ? renderHunks(file.section, file.summary.path) : null;
}
