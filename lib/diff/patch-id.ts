import { createHash, type Hash } from "node:crypto";

/*
 * `git patch-id --stable`, as builtin/patch-id.c (git 2.39–2.45, get_one_patchid) computes
 * it, so a patch on the list and the commit upstream get the same id:
 *
 * - lines before the first `diff ` line are commit text and ignored;
 * - every other line is hashed with all white space (C isspace) removed, except `index `
 *   lines in a file header, `\ No newline…` markers and the hunk `@@` lines (line numbers
 *   must not matter);
 * - "stable": each file's part is hashed on its own and the 20-byte SHA-1s are summed
 *   byte by byte with carry (flush_one_hunk), so file order does not matter;
 * - binary files hash the two blob names of their `index` line instead of their content;
 * - a line that fits no state ends the patch, like git's `break`.
 * The quirks (a mode-only file shares its hash with the next file's header; the final
 * flush adds SHA-1 of nothing) are git's and are kept on purpose: the ids must be equal.
 * This is a deliberate transcription of git's loop, longer than our usual function.
 */

/** git's isspace() (sane_ctype in ctype.c): space, tab, LF, CR; not VT or FF. */
const SPACE = /[ \t\n\r]/g;

function flush(result: Uint8Array, hash: Hash): void {
  const digest = hash.digest();
  let carry = 0;
  for (let i = 0; i < 20; i++) {
    carry += result[i]! + digest[i]!;
    result[i] = carry & 0xff;
    carry >>= 8;
  }
}

function isHexStart(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

function digitsAt(line: string, at: number): number {
  let n = 0;
  while (at + n < line.length && line.charCodeAt(at + n) >= 0x30 && line.charCodeAt(at + n) <= 0x39) n++;
  return n;
}

/**
 * git's scan_hunk_header(), transcribed: line counts of `@@ -a,b +c,d @@` (1 when
 * omitted). Like git it may set `before` and then give up on a malformed header.
 */
function scanHunkHeader(line: string, counts: { before: number; after: number }): void {
  let q = 4;
  let n = digitsAt(line, q);
  if (line[q + n] === ",") {
    q += n + 1;
    n = digitsAt(line, q);
    counts.before = Number(line.slice(q, q + n) || "0");
  } else counts.before = 1;
  if (n === 0 || line[q + n] !== " " || line[q + n + 1] !== "+") return;
  let r = q + n + 2;
  n = digitsAt(line, r);
  if (line[r + n] === ",") {
    r += n + 1;
    n = digitsAt(line, r);
    counts.after = Number(line.slice(r, r + n) || "0");
  } else counts.after = 1;
}

/** Blob names of an `index <a>..<b> [mode]` line, as git slices them. */
function indexOids(line: string): [string, string] | null {
  const dots = line.indexOf("..");
  if (dots < 0) return null;
  const space = line.indexOf(" ", dots);
  const end = space < 0 ? line.length : space;
  return [line.slice("index ".length, dots).slice(0, 64), line.slice(dots + 2, end).slice(0, 64)];
}

/** `git patch-id --stable` of a diff (40 hex), or null when git would print nothing. */
export function computePatchId(diff: string): string | null {
  const result = new Uint8Array(20);
  let hash = createHash("sha1");
  let patchLength = 0;
  let before = -1;
  let after = -1;
  let binary = false;
  let preOid = "";
  let postOid = "";

  const lines = diff.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  // git reads each line with its newline; below, `line` is without it, which changes no test
  // (white space is stripped from what is hashed, and "\ " markers are 12+ bytes with it).
  for (const line of lines) {
    if (line.startsWith("\\ ") && line.length + 1 > 12) continue;
    const afterPrefix = line.startsWith("commit ")
      ? line.slice(7)
      : line.startsWith("From ")
        ? line.slice(5)
        : line;
    if (isHexStart(afterPrefix.charCodeAt(0)) && /^[0-9a-fA-F]{40}/.test(afterPrefix)) break; // the next commit of a patch stream

    if (patchLength === 0 && !line.startsWith("diff ")) continue;

    if (before === -1) {
      if (line.startsWith("GIT binary patch") || line.startsWith("Binary files")) {
        binary = true;
        before = 0;
        hash.update(preOid);
        hash.update(postOid);
        flush(result, hash);
        hash = createHash("sha1");
        continue;
      } else if (line.startsWith("index ")) {
        const oids = indexOids(line);
        if (oids) [preOid, postOid] = oids;
        continue;
      } else if (line.startsWith("--- ")) {
        before = after = 1;
      } else if (!/^[A-Za-z]/.test(line)) {
        break;
      }
    }

    if (binary) {
      if (line.startsWith("diff ")) {
        binary = false;
        before = -1;
      }
      continue;
    }

    if (before === 0 && after === 0) {
      if (line.startsWith("@@ -")) {
        const counts = { before, after };
        scanHunkHeader(line, counts);
        ({ before, after } = counts);
        continue;
      }
      if (!line.startsWith("diff ")) break;
      flush(result, hash);
      hash = createHash("sha1");
      before = after = -1;
    }

    if (line[0] === "-" || line[0] === " ") before--;
    if (line[0] === "+" || line[0] === " ") after--;

    const stripped = line.replace(SPACE, "");
    patchLength += Buffer.byteLength(stripped);
    hash.update(stripped);
  }
  flush(result, hash);
  return patchLength === 0 ? null : Buffer.from(result).toString("hex");
}
