/*
 * How much of a series' diffs a page renders at once. A 10,000-line series must not
 * freeze the browser or weigh megabytes of HTML, so files are rendered in order while
 * they fit a budget of diff lines; the others are listed, closed, and fetched only when
 * opened. A file never is cut in the middle: it is shown whole or not at all.
 */

/** Diff lines rendered with the page; about 1 MB of HTML at most, and quick to lay out. */
export const INLINE_DIFF_LINES = 2500;

/** For each patch, for each file (sizes in lines): rendered inline (true) or left to load on demand. */
export function planInlineFiles(sizes: number[][], budget = INLINE_DIFF_LINES): boolean[][] {
  let left = budget;
  return sizes.map((files) =>
    files.map((lines) => {
      if (lines > left) return false;
      left -= lines;
      return true;
    }),
  );
}
