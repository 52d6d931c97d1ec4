import type { CompiledKeyword } from "./types";

/**
 * What get_maintainer.pl takes from a patch: the touched files (from `+++ ` lines, the
 * first path component removed; Xen's script also reads `diff --git`, `--- `,
 * `rename from/to` and `mode change` lines and skips /dev/null), sorted and unique, and
 * which K: keywords fire. Keywords are tried on every other line: before the first
 * `+++ ` line as they are (mail headers and commit message), after it only on lines
 * starting with `+` or `-`.
 */
export function scanPatch(
  text: string,
  keywords: readonly CompiledKeyword[],
  extended: boolean,
): { files: string[]; keywords: Set<CompiledKeyword> } {
  const files: string[] = [];
  const fired = new Set<CompiledKeyword>();
  let inDiff = false;
  for (const line of text.split("\n")) {
    let m: RegExpExecArray | null;
    if (extended && (m = /^ mode change [0-7]+ => [0-7]+ (\S+)\s*$/.exec(line))) files.push(m[1]!);
    else if (extended && (m = /^rename (?:from|to) (\S+)\s*$/.exec(line))) files.push(m[1]!);
    else if (extended && (m = /^diff --git a\/(\S+) b\/(\S+)\s*$/.exec(line))) files.push(m[1]!, m[2]!);
    else if ((m = /^\+\+\+\s+(\S+)/.exec(line)) || (extended && (m = /^---\s+(\S+)/.exec(line)))) {
      if (!extended || m[1] !== "/dev/null") files.push(m[1]!.replace(/^[^/]*\//, ""));
      inDiff = true;
    } else if (/^@@ -(\d+),(\d+)/.test(line)) {
      // hunk header: used only for git blame
    } else {
      for (const keyword of keywords) {
        if (fired.has(keyword)) continue;
        const test = inDiff ? keyword.testInDiff : keyword.test;
        if (test?.test(line)) fired.add(keyword);
      }
    }
  }
  const unique = [...new Set(files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: unique, keywords: fired };
}
