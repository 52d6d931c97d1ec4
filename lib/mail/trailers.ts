import { parsePerson } from "./addresses";
import { parseRangeStatement } from "./trailer-range";
import type { Trailer } from "./types";

/*
 * Trailers as git (git-interpret-trailers(1)), the kernel's submitting-patches.rst and
 * b4 use them: `Token: value` lines. Unlike `git interpret-trailers` we look at every line,
 * not only the last paragraph, because reviewers write `Reviewed-by:` under quoted text in
 * the middle of a reply (patchew does the same). Quoted lines never count.
 */

/** Tags known by name; any other `Something-by:` is accepted too (kernel practice). */
const KNOWN = new Set([
  "reviewed-by",
  "acked-by",
  "tested-by",
  "reported-by",
  "suggested-by",
  "signed-off-by",
  "co-developed-by",
  "reported-and-tested-by",
  "requested-by",
  "cc",
  "fixes",
  "link",
  "message-id",
  "based-on",
  "depends-on",
  "supersedes",
  "closes",
]);

/** Tags whose value names a person (an address to parse). */
function namesPerson(key: string): boolean {
  return key.endsWith("-by") || key === "cc";
}

/** `Token: value` with a token of letters, digits and dashes (git's trailer token). */
const TRAILER_LINE = /^\s*([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*):[ \t]*(.*?)\s*$/;

/** Lines that open a diff: after them nothing is commit-message text. */
function startsDiff(line: string, next: string | undefined): boolean {
  return (
    line.startsWith("diff --git ") ||
    line.startsWith("@@ -") ||
    (line.startsWith("Index: ") && next !== undefined && next.startsWith("====")) ||
    (line.startsWith("--- ") && next !== undefined && next.startsWith("+++ "))
  );
}

/** Parse one line as a trailer, or null when it is not one. */
export function parseTrailerLine(line: string): Omit<Trailer, "appliesTo"> | null {
  if (line.length > 2000) return null; // no reviewer writes a 2 KB tag; skip pathological lines cheaply
  const match = TRAILER_LINE.exec(line);
  if (!match) return null;
  const kind = match[1]!;
  const key = kind.toLowerCase();
  if (!KNOWN.has(key) && !key.endsWith("-by")) return null;
  const value = match[2]!;
  if (value.length === 0) return null;
  return { kind, key, value, person: namesPerson(key) ? parsePerson(value) : null, line: line.trim() };
}

/**
 * All trailers in a text, in order. A range statement on the line just before a block of
 * trailers in the same paragraph ("For patches 1-3:") limits those trailers to the patches
 * it names.
 */
export function parseTrailers(text: string): Trailer[] {
  const lines = (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).split("\n");
  const trailers: Trailer[] = [];
  let range: number[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (startsDiff(line, lines[i + 1])) break;
    if (/^\s*>/.test(line)) {
      range = null;
      continue;
    }
    const trailer = parseTrailerLine(line);
    if (trailer) {
      trailers.push({ ...trailer, appliesTo: range });
      continue;
    }
    // Anything else ends the block a range statement governs; a new statement starts one.
    range = line.trim() === "" ? null : parseRangeStatement(line);
  }
  return trailers;
}
