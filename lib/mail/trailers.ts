import { parsePerson } from "./addresses";
import { parseScopeAfter, parseScopeBefore, splitScopeSuffix, type TrailerScope } from "./trailer-range";
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

/** A line of a mail text, as far as trailers are concerned. */
type Line =
  | { type: "blank" | "quote"; text: string }
  | { type: "text"; text: string }
  | { type: "trailer"; text: string; trailer: Omit<Trailer, "appliesTo">; own: TrailerScope | null };

/**
 * All trailers in a text, in order, each with the patches it is limited to when the
 * reviewer said so (trailer-range.ts): a statement before a block of trailers ("For
 * patches 1-3:", "Otherwise for the whole patchset:"), after it ("for both patches."), or
 * at the end of the trailer's own line. Quoted lines are neither trailers nor statements.
 */
export function parseTrailers(text: string): Trailer[] {
  const lines = classifyLines(text);
  const trailers: Trailer[] = [];
  for (let start = 0; start < lines.length; start++) {
    if (lines[start]!.type !== "trailer") continue;
    let end = start;
    while (end + 1 < lines.length && lines[end + 1]!.type === "trailer") end++;
    const scope = scopeBefore(lines, start) ?? scopeAfter(lines, end);
    for (let i = start; i <= end; i++) {
      const line = lines[i]!;
      if (line.type === "trailer") trailers.push({ ...line.trailer, appliesTo: line.own ?? scope });
    }
    start = end;
  }
  return trailers;
}

function classifyLines(text: string): Line[] {
  const raw = (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).split("\n");
  const out: Line[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (startsDiff(line, raw[i + 1])) break;
    if (/^\s*>/.test(line)) out.push({ type: "quote", text: line });
    else if (line.trim() === "") out.push({ type: "blank", text: line });
    else {
      const trailer = parseTrailerLine(line);
      if (!trailer) out.push({ type: "text", text: line });
      else out.push({ type: "trailer", text: line, ...withOwnScope(trailer) });
    }
  }
  return out;
}

/** `Reviewed-by: Jane <jane@example.com> (for the whole series)`: the tag without its scope, and the scope. */
function withOwnScope(trailer: Omit<Trailer, "appliesTo">): {
  trailer: Omit<Trailer, "appliesTo">;
  own: TrailerScope | null;
} {
  if (!trailer.key.endsWith("-by")) return { trailer, own: null };
  const split = splitScopeSuffix(trailer.value);
  if (!split) return { trailer, own: null };
  return { trailer: { ...trailer, value: split.value, person: parsePerson(split.value) }, own: split.scope };
}

/**
 * A statement in the paragraph just above a trailer block, or in the paragraph above the
 * blank lines that separate them when it ends with a colon ("Otherwise for the whole
 * patchset:", blank line, "Reviewed-by: …").
 */
function scopeBefore(lines: readonly Line[], start: number): TrailerScope | null {
  let i = start - 1;
  let gap = false;
  while (i >= 0 && lines[i]!.type === "blank") {
    i--;
    gap = true;
  }
  if (i < 0 || lines[i]!.type !== "text") return null;
  const last = lines[i]!.text;
  if (gap && !last.trimEnd().endsWith(":")) return null;
  const paragraph: string[] = [];
  for (let j = i; j >= 0 && lines[j]!.type === "text" && paragraph.length < 20; j--) {
    paragraph.unshift(lines[j]!.text.trim());
  }
  return parseScopeBefore(paragraph.join(" "), last);
}

/** A line that is nothing but a scope, just below a trailer block or after the blank lines below it. */
function scopeAfter(lines: readonly Line[], end: number): TrailerScope | null {
  let i = end + 1;
  while (i < lines.length && lines[i]!.type === "blank") i++;
  const line = lines[i];
  return line?.type === "text" ? parseScopeAfter(line.text.trim()) : null;
}
