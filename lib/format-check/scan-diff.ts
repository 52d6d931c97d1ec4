import { unquotePath } from "../diff/unquote-path";

/**
 * A walk over the lines of a patch mail's text as `git apply` reads them: each hunk's
 * `@@ -a,b +c,d @@` header says how many old and new lines follow, and every line until
 * those are used up must start with ' ', '-' or '+' (an empty line counts as context: git
 * apply accepts a mailer's trimmed space). A line that breaks the count is where a mail
 * client wrapped a long line, or joined two. Pure, line numbers 1-based in the text.
 */
export interface DiffLine {
  kind: "context" | "add" | "del";
  file: string;
  /** The line without its diff marker. */
  content: string;
  /** Line number in the text walked. */
  textLine: number;
  /** Line number in the new file (context and added lines). */
  newLine: number | null;
}

export interface HunkProblem {
  file: string;
  textLine: number;
  /** The line that broke the count, or null when the text ended first. */
  line: string | null;
  /** Lines the header promised and did not get (old, new); negative when there were more. */
  hunkHeader: string;
}

export interface ScannedDiff {
  lines: DiffLine[];
  problems: HunkProblem[];
  /** Whether the text holds a diff at all. */
  found: boolean;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

function fileOf(line: string): string | null {
  const git = /^diff --git (?:"?a\/)(.*?)"? (?:"?b\/)(.*?)"?$/.exec(line);
  if (git) return unquotePath(git[2]!);
  const plus = /^\+\+\+ (?:b\/)?(\S+)/.exec(line);
  return plus && plus[1] !== "/dev/null" ? unquotePath(plus[1]!) : null;
}

export function scanDiff(lines: readonly string[]): ScannedDiff {
  const out: ScannedDiff = { lines: [], problems: [], found: false };
  let file = "";
  let oldLeft = 0;
  let newLeft = 0;
  let newLine = 0;
  let header = "";
  let justEnded = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const textLine = i + 1;
    if (oldLeft > 0 || newLeft > 0) {
      const c = line[0];
      const kind = c === "+" ? "add" : c === "-" ? "del" : c === " " || line === "" ? "context" : null;
      if (kind === null && c === "\\") continue;
      if (kind === null || (kind !== "add" && oldLeft === 0) || (kind !== "del" && newLeft === 0)) {
        out.problems.push({ file, textLine, line, hunkHeader: header });
        oldLeft = newLeft = 0;
        continue;
      }
      if (kind !== "add") oldLeft--;
      if (kind !== "del") newLeft--;
      out.lines.push({
        kind,
        file,
        content: line.slice(1),
        textLine,
        newLine: kind === "del" ? null : newLine,
      });
      if (kind !== "del") newLine++;
      justEnded = oldLeft === 0 && newLeft === 0;
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk && out.found) {
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      newLine = Number(hunk[3]);
      header = line;
      justEnded = false;
      continue;
    }
    if (line.startsWith("diff --git ") || (line.startsWith("--- ") && lines[i + 1]?.startsWith("+++ "))) {
      out.found = true;
      file = fileOf(line) ?? file;
      justEnded = false;
      continue;
    }
    if (line.startsWith("+++ ") && out.found) {
      file = fileOf(line) ?? file;
      continue;
    }
    // Right after a hunk, a line that looks like more of it means the header's counts
    // were too small: a wrapped line whose second half starts with a space used them up.
    if (justEnded && /^[+ -]/.test(line) && line !== "-- " && !line.startsWith("--- ")) {
      out.problems.push({ file, textLine, line, hunkHeader: header });
    }
    justEnded = false;
  }
  if (oldLeft > 0 || newLeft > 0)
    out.problems.push({ file, textLine: lines.length, line: null, hunkHeader: header });
  return out;
}
