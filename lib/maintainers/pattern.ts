import type { FilePattern } from "./types";

/**
 * F:/X: values become regexes exactly as get_maintainer.pl builds them, because the
 * answers must agree with that script: `{a,b}` → `(a|b)` (Xen's and Linux's scripts; not
 * nested), then `.` → `\.`, `*` → `.*`, `?` → `.`; everything else (`[hc]`) passes through
 * as regex syntax. The match is anchored at the start only, so `F: configure` also
 * matches `configure.ac`.
 */
export function globToRegexText(value: string): string {
  let text = value;
  // Brace expansion, one comma at a time, as the Perl loop does.
  for (;;) {
    const next = text.replace(
      /([^\\])\{(|[^},]*[^,\\]),((|[^},]*[^,\\]),(|[^}]*[^\\]))\}/g,
      (_m, a: string, b: string, c: string) => `${a}{${b}|${c}}`,
    );
    if (next === text) break;
    text = next;
  }
  text = text.replace(
    /([^\\])\{(|[^},]*[^,\\]),(|[^}]*[^\\])\}/g,
    (_m, a: string, b: string, c: string) => `${a}(${b}|${c})`,
  );
  return text.replace(/\./g, "\\.").replace(/\*/g, ".*").replace(/\?/g, ".");
}

const META = new Set([".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "^", "$"]);
const QUANTIFIERS = new Set(["*", "+", "?", "{"]);

/**
 * The characters every match must start with, and whether the whole regex is such
 * plain text. `\.` counts as a literal dot; a character followed by a quantifier does not
 * count (it may be absent).
 */
export function literalPrefix(regex: string): { prefix: string; whole: boolean } {
  if (hasTopLevelAlternation(regex)) return { prefix: "", whole: false };
  let prefix = "";
  let i = 0;
  while (i < regex.length) {
    let ch = regex[i]!;
    let width = 1;
    if (ch === "\\") {
      const next = regex[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) return { prefix, whole: false };
      ch = next;
      width = 2;
    } else if (META.has(ch)) {
      return { prefix, whole: false };
    }
    const after = regex[i + width];
    if (after !== undefined && QUANTIFIERS.has(after)) return { prefix, whole: false };
    prefix += ch;
    i += width;
  }
  return { prefix, whole: true };
}

function hasTopLevelAlternation(regex: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < regex.length; i++) {
    const ch = regex[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth <= 0) return true;
  }
  return false;
}

function countSlashes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 47) n++;
  return n;
}

/**
 * Compiles one F:/X: value. `isDirectory` answers get_maintainer.pl's `-d $value` test,
 * which runs on the rewritten regex text (so a value containing `.` or `*` never counts).
 * Returns an error when the result is not a valid regex (such a line never matches).
 */
export function compileFilePattern(
  source: string,
  isDirectory: (value: string) => boolean,
  order = 0,
): FilePattern | { error: string } {
  let regex = globToRegexText(source);
  if (!regex.endsWith("/") && isDirectory(regex)) regex += "/";
  let test: RegExp;
  try {
    test = new RegExp(`^${regex}`);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const recursive = regex.endsWith("/");
  const slashes = countSlashes(regex);
  const { prefix, whole } = literalPrefix(regex);
  let depth = slashes + (recursive ? 0 : 1);
  if (regex.startsWith(".*")) depth = -1;
  return { source, regex, test, literal: whole ? prefix : null, prefix, recursive, slashes, depth, order };
}

/**
 * get_maintainer.pl's file_match_pattern: the regex matches at the start, and a pattern
 * without a trailing `/` needs exactly as many `/` in the path as in the pattern.
 */
export function patternMatches(pattern: FilePattern, path: string, pathSlashes: number): boolean {
  if (!pattern.recursive && pattern.slashes !== pathSlashes) return false;
  if (pattern.literal !== null) return path.startsWith(pattern.literal);
  return pattern.test.test(path);
}

export { countSlashes };
