import type { DiffHunkView, DiffLineView } from "../diff/diff-view";

/*
 * Diff lines cut into blocks of a few hundred, each rendered as one box the browser may
 * skip while it is off screen (CSS content-visibility), and that a file opened later can
 * add one after the other without freezing the page. A hunk header starts a block.
 */

export interface DiffBlock {
  /** The `@@ … @@` line of the hunk this block starts, or null for a block continuing one. */
  header: string | null;
  lines: DiffLineView[];
}

export const BLOCK_LINES = 200;

export function diffBlocks(hunks: DiffHunkView[], size = BLOCK_LINES): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  for (const hunk of hunks) {
    if (hunk.lines.length === 0) blocks.push({ header: hunk.header, lines: [] });
    for (let i = 0; i < hunk.lines.length; i += size)
      blocks.push({ header: i === 0 ? hunk.header : null, lines: hunk.lines.slice(i, i + size) });
  }
  return blocks;
}
