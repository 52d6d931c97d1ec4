/*
 * Find the diff in a text part and the commit message before it, the way `git am` (git
 * mailinfo + git apply) would see them:
 *
 * - a diff starts at `diff --git`, at a CVS `Index:` + `====` pair, at another `diff …`
 *   command line followed by `---`/`+++`, or at a bare `--- a` / `+++ b` / `@@` triple
 *   (patchew 0033). Words like "difficult" start nothing (patchwork's DiffWordInComment);
 * - a diff goes on while lines fit: extended header lines (git-diff(1) "extended header
 *   lines"), hunks whose line counts come from the `@@ -a,b +c,d @@` header, `\ No newline
 *   at end of file` markers, and `GIT binary patch` blocks. The first line that fits
 *   nothing ends it, so a `-- ` signature or a list footer after the diff stays out;
 * - like git apply, text between two diffs is skipped and the next diff is appended;
 * - the commit message ends at the first `---` line (git mailinfo's patchbreak()), or
 *   else before the diff; a `-- ` signature or a mailman footer just before the diff is
 *   not part of it (patchwork's SignatureComment and ListFooter tests).
 *
 * This is a deliberate state machine over lines; it is longer than our usual function.
 */

export interface SplitPatch {
  commitMessage: string;
  /** The diff, LF line endings, ending with a newline. */
  diff: string;
  /** Set when a hunk ends before its `@@` line counts say: git apply would call the patch corrupt. */
  corruptAt: string | null;
}

const HEADER_LINE =
  /^(?:diff |Index: |={20,}$|RCS file: |retrieving revision |old mode |new mode |deleted file mode |new file mode |copy from |copy to |rename from |rename to |rename old |rename new |similarity index |dissimilarity index |index [0-9a-f]|Binary files .* differ$|--- |\+\+\+ )/;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const BINARY_BLOCK_START = /^(?:literal|delta) \d+$/;
/** git's base85 lines: a length character then 5-character groups. */
const BINARY_DATA = /^[A-Za-z][0-9A-Za-z!#$%&()*+;<=>?@^_`{|}~-]+$/;

/** Is line `i` the first line of a diff? */
function startsDiff(lines: string[], i: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  if (line.startsWith("diff --git ")) return true;
  if (line.startsWith("Index: ")) return next !== undefined && /^={20,}$/.test(next);
  if (line.startsWith("diff ")) {
    for (let k = i + 1; k < Math.min(lines.length - 1, i + 6); k++) {
      if (lines[k]!.startsWith("--- ") && lines[k + 1]!.startsWith("+++ ")) return true;
    }
    return false;
  }
  if (line.startsWith("--- ") && next !== undefined && next.startsWith("+++ ")) {
    return (lines[i + 2] ?? "").startsWith("@@ ");
  }
  return false;
}

/** The index just past the last line of the diff that starts at `start`. */
function diffEnd(lines: string[], start: number): { end: number; cutHunk: boolean } {
  let oldLeft = 0;
  let newLeft = 0;
  let binary = false;
  let end = start;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (oldLeft > 0 || newLeft > 0) {
      const c = line[0];
      // An empty line is a context line whose single space a mailer trimmed; git apply accepts it.
      if (c === " " || line === "") [oldLeft, newLeft] = [oldLeft - 1, newLeft - 1];
      else if (c === "-") oldLeft--;
      else if (c === "+") newLeft--;
      else if (c !== "\\") return { end, cutHunk: true };
      end = i + 1;
      continue;
    }
    if (line.startsWith("\\")) {
      end = i + 1; // `\ No newline at end of file` after the last hunk line
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk) {
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
      binary = false;
    } else if (line === "GIT binary patch") binary = true;
    else if (binary && (BINARY_BLOCK_START.test(line) || BINARY_DATA.test(line) || line === "")) {
      // base85 data and the empty line that closes each block
    } else if (HEADER_LINE.test(line)) binary = false;
    else return { end, cutHunk: false };
    end = i + 1;
  }
  return { end, cutHunk: oldLeft > 0 || newLeft > 0 };
}

/** Cut the commit message at format-patch's `---`, a signature, or a mailman footer. */
function commitMessageOf(lines: string[]): string {
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    // git mailinfo patchbreak(): `---` followed only by white space.
    if (/^---\s*$/.test(lines[i]!)) {
      cut = i;
      break;
    }
  }
  for (let i = 0; i < cut; i++) {
    const line = lines[i]!;
    const mailmanFooter = /^_{10,}\s*$/.test(line) && /mailing list/i.test(lines[i + 1] ?? "");
    if (line === "-- " || mailmanFooter) {
      cut = i;
      break;
    }
  }
  return lines
    .slice(0, cut)
    .join("\n")
    .replace(/^\s*\n/, "")
    .trimEnd();
}

/** The commit message of a text that holds no diff itself (the patch came as an attachment). */
export function commitMessageOfText(text: string): string {
  return commitMessageOf(text.replace(/\r\n?/g, "\n").split("\n"));
}

/** Split a decoded text part into commit message and diff; null when it holds no diff. */
export function splitPatch(text: string): SplitPatch | null {
  const normalized = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  const lines = normalized.split("\n");
  if (normalized.endsWith("\n")) lines.pop();

  const segments: string[] = [];
  let first = -1;
  let corruptAt: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (!startsDiff(lines, i)) continue;
    if (first < 0) first = i;
    const { end: found, cutHunk } = diffEnd(lines, i);
    const end = Math.max(found, i + 1);
    if (cutHunk && corruptAt === null)
      corruptAt = `line ${end + 1} of the text: ${JSON.stringify((lines[end] ?? "").slice(0, 60))}`;
    segments.push(lines.slice(i, end).join("\n"));
    i = end - 1;
  }
  if (first < 0) return null;
  return {
    commitMessage: commitMessageOf(lines.slice(0, first)),
    diff: `${segments.join("\n")}\n`,
    corruptAt,
  };
}
