/*
 * How much of a series' diffs a page renders at once. A 10,000-line series must not
 * freeze the browser or weigh megabytes of HTML, so files are rendered in order while
 * they fit a budget of diff lines; the others are listed, closed, and fetched only when
 * opened. A file never is cut in the middle: it is shown whole or not at all.
 */

/**
 * Diff lines rendered with the page: about two screens, ~150 KB of HTML at most, so the
 * page arrives fast even for a big series; the files after them load as the reader
 * scrolls to them (AUTO_LOAD_FILE_LINES) or, when huge, when opened.
 */
export const INLINE_DIFF_LINES = 400;

/** A file left out of the page up to this size loads by itself when scrolled near. */
export const AUTO_LOAD_FILE_LINES = 1500;

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
