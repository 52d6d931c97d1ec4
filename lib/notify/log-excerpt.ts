/**
 * The part of a log worth reading in a mail: the lines around the first error, capped,
 * never the whole log (the link in the mail has it). Lines are shown quoted (`> `) so the
 * log's own text — a `Reviewed-by:` in a checkpatch report, a `Based-on:` — can never be
 * read as the robot's statement when the mail comes back through the list.
 */

export interface Excerpt {
  lines: string[];
  /** True when lines were left out, before, between or after. */
  cut: boolean;
}

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Za-z0-9]|\u001b[=>]/g;
/** A log line longer than this is cut: a minified file or a progress bar says nothing more. */
const MAX_LINE_CHARS = 160;
const BEFORE = 8;
const AFTER = 16;
/** Lines of the log's end added when the first error is far from it (the test's verdict). */
const TAIL = 6;
/** Lines shown when nothing looks like an error: the end of the log. */
const NO_MARKER_TAIL = 25;

/**
 * Lines that say something failed, in the vocabularies of compilers (`file.c:3:5: error:`),
 * make (`*** [...] Error 2`), git (`fatal:`), TAP and meson (`not ok`, `FAIL`), Python,
 * sanitizers, assertions and checkpatch (`ERROR:`). Warnings are not failures.
 */
const MARKERS: RegExp[] = [
  /\berror\b\s*(:|\[)/i,
  /\*\*\* .*\bError \d+/,
  /\bfatal( error)?:/i,
  /^\s*not ok\b/,
  /(^|\s)(FAIL|FAILED|FAILURE|ERROR)(\s|:|$)/,
  /^Traceback \(most recent call last\)/,
  /\bpanic:|\bSegmentation fault\b|\bAddressSanitizer\b|\bAssertion .* failed|\bassertion failed\b/i,
  /\bUndefined reference to\b|\bundefined reference to\b/,
];

export function isFailureLine(line: string): boolean {
  return MARKERS.some((m) => m.test(line));
}

export function cleanLogLines(log: string): string[] {
  const lines = log.replace(ANSI, "").replace(/\r\n?/g, "\n").split("\n");
  while (lines.length && lines.at(-1)!.trim() === "") lines.pop();
  return lines.map((raw) => {
    // Control characters (a stray \b, a NUL) would garble the mail; tabs stay.
    const line = raw.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trimEnd();
    return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)} [...]` : line;
  });
}

/** The window around the first failure line, and the log's last lines when far from it. */
export function excerptTestLog(log: string): Excerpt {
  const lines = cleanLogLines(log);
  const first = lines.findIndex(isFailureLine);
  if (first < 0) {
    const start = Math.max(0, lines.length - NO_MARKER_TAIL);
    return { lines: lines.slice(start), cut: start > 0 };
  }
  const start = Math.max(0, first - BEFORE);
  const end = Math.min(lines.length, first + AFTER + 1);
  const shown = lines.slice(start, end);
  let cut = start > 0 || end < lines.length;
  if (end < lines.length) {
    const tailStart = Math.max(end, lines.length - TAIL);
    if (tailStart > end) shown.push("[...]");
    shown.push(...lines.slice(tailStart));
    cut = true;
  }
  return { lines: shown, cut };
}

/** git am's lines that explain a failure; its advice (`hint:`, "When you have resolved…") is left out. */
const AM_NOISE = [
  /^hint: /,
  /^When you have resolved this problem/,
  /^If you prefer to skip this patch/,
  /^To restore the original branch/,
  /^Use 'git am --show-current-patch/,
];
const MAX_AM_LINES = 20;

/**
 * From `git am --3way` output: the lines from the failing patch's `Applying:` to `Patch
 * failed at`, without git's advice; a refusal (no git output) is shown as it is.
 */
export function excerptAmOutput(log: string): Excerpt {
  const lines = cleanLogLines(log);
  const lastApplying = lines.findLastIndex((l) => l.startsWith("Applying: "));
  const from = Math.max(0, lastApplying);
  const kept = lines.slice(from).filter((l) => l.trim() !== "" && !AM_NOISE.some((n) => n.test(l)));
  const shown = kept.slice(0, MAX_AM_LINES);
  return { lines: shown, cut: from > 0 || shown.length < kept.length };
}

/** An excerpt as mail text: each line quoted, `[...]` where lines were left out. */
export function quoteExcerpt(excerpt: Excerpt): string[] {
  return excerpt.lines.map((l) => (l === "" ? ">" : `> ${l}`));
}
