import { structuredPatch } from "diff";

import { fileSections } from "./file-sections";
import { diffStat } from "./stats";

/*
 * What changed between two versions of a series, patch by patch: a diff of the diffs, as
 * `git range-diff` shows it. Patches are paired by subject, then by position; for each pair
 * the commit messages and each file's part of the diff are compared line by line (jsdiff).
 * Like range-diff, `index` lines and the line numbers of hunk headers are dropped first, so a
 * patch that only moved because the tree under it moved reads as unchanged.
 */

export interface InterdiffPatch {
  index: number;
  msgid: string;
  /** The subject without prefixes. */
  title: string;
  commitMessage: string;
  diff: string;
}

/** One line of the diff of diffs: `op` is the outer change, `text` the patch line itself. */
export interface InterdiffLine {
  op: " " | "+" | "-";
  text: string;
}

export interface InterdiffHunk {
  lines: InterdiffLine[];
}

export interface InterdiffFile {
  path: string;
  /** Touched by the newer patch only, by the older only, or by both differently. */
  status: "added" | "removed" | "changed";
  hunks: InterdiffHunk[];
  /** The two versions differ too much to be compared line by line (see MAX_EDIT_LENGTH). */
  tooDifferent: boolean;
}

export interface InterdiffPair {
  status: "unchanged" | "changed" | "added" | "removed";
  older: Pick<InterdiffPatch, "index" | "msgid" | "title"> | null;
  newer: Pick<InterdiffPatch, "index" | "msgid" | "title"> | null;
  matchedBy: "subject" | "position" | null;
  /** Changes to the commit message (trailers included). */
  message: InterdiffHunk[];
  /** Files whose part of the diff changed; files identical in both are only counted. */
  files: InterdiffFile[];
  unchangedFiles: number;
}

const CONTEXT = 3;
/** Edits beyond which jsdiff gives up: a file rewritten from scratch is shown as such. */
const MAX_EDIT_LENGTH = 2000;

const normalTitle = (title: string) => title.trim().replace(/\s+/g, " ").toLowerCase();

/** range-diff's normalisation: no `index` lines, hunk headers without their line numbers. */
function normalise(lines: string[]): string {
  return lines
    .filter((line) => !line.startsWith("index "))
    .map((line) => line.replace(/^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/, "@@"))
    .map((line) => `${line}\n`)
    .join("");
}

function filesOf(diff: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const section of fileSections(diff)) {
    const change = diffStat(section.join("\n")).files[0];
    const path = change?.newPath ?? change?.oldPath ?? section[0] ?? "";
    files.set(files.has(path) ? `${path} (${files.size})` : path, normalise(section));
  }
  return files;
}

/** The hunks of a line diff of `a` and `b`, or null when it exceeds MAX_EDIT_LENGTH. */
function lineHunks(a: string, b: string): InterdiffHunk[] | null {
  const patch = structuredPatch("a", "b", a, b, undefined, undefined, {
    context: CONTEXT,
    maxEditLength: MAX_EDIT_LENGTH,
  });
  if (!patch) return null;
  return patch.hunks.map((hunk) => ({
    lines: hunk.lines
      .filter((line) => !line.startsWith("\\"))
      .map((line) => ({ op: line[0] as InterdiffLine["op"], text: line.slice(1) })),
  }));
}

/** A whole text as one hunk of additions or removals. */
function wholeHunk(text: string, op: "+" | "-"): InterdiffHunk[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.length ? [{ lines: lines.map((line) => ({ op, text: line })) }] : [];
}

const withNewline = (text: string) => (text === "" || text.endsWith("\n") ? text : `${text}\n`);

function comparePatches(older: InterdiffPatch, newer: InterdiffPatch) {
  const message = lineHunks(withNewline(older.commitMessage), withNewline(newer.commitMessage)) ?? [];
  const before = filesOf(older.diff);
  const after = filesOf(newer.diff);
  const files: InterdiffFile[] = [];
  let unchangedFiles = 0;
  for (const [path, text] of after) {
    const old = before.get(path);
    if (old === undefined) {
      files.push({ path, status: "added", hunks: wholeHunk(text, "+"), tooDifferent: false });
    } else if (old === text) {
      unchangedFiles++;
    } else {
      const hunks = lineHunks(old, text);
      files.push({ path, status: "changed", hunks: hunks ?? [], tooDifferent: hunks === null });
    }
  }
  for (const [path, text] of before) {
    if (!after.has(path))
      files.push({ path, status: "removed", hunks: wholeHunk(text, "-"), tooDifferent: false });
  }
  return { message, files, unchangedFiles };
}

const brief = (p: InterdiffPatch) => ({ index: p.index, msgid: p.msgid, title: p.title });

/** A patch present in one version only: all of it is new, or all of it is gone. */
function alone(p: InterdiffPatch, status: "added" | "removed"): InterdiffPair {
  const op = status === "added" ? "+" : "-";
  return {
    status,
    older: status === "removed" ? brief(p) : null,
    newer: status === "added" ? brief(p) : null,
    matchedBy: null,
    message: wholeHunk(withNewline(p.commitMessage), op),
    files: [...filesOf(p.diff)].map(([path, text]) => ({
      path,
      status,
      hunks: wholeHunk(text, op),
      tooDifferent: false,
    })),
    unchangedFiles: 0,
  };
}

/** Pairs the patches of two versions and compares each pair; output follows the newer version. */
export function interdiff(older: InterdiffPatch[], newer: InterdiffPatch[]): InterdiffPair[] {
  const partner = new Map<InterdiffPatch, { patch: InterdiffPatch; by: "subject" | "position" }>();
  const taken = new Set<InterdiffPatch>();
  const pair = (n: InterdiffPatch, o: InterdiffPatch | undefined, by: "subject" | "position") => {
    if (!o) return;
    partner.set(n, { patch: o, by });
    taken.add(o);
  };
  for (const n of newer)
    pair(
      n,
      older.find((o) => !taken.has(o) && normalTitle(o.title) === normalTitle(n.title)),
      "subject",
    );
  // A reworded subject keeps its place in the series: pair what is left by position.
  for (const n of newer)
    if (!partner.has(n))
      pair(
        n,
        older.find((o) => !taken.has(o) && o.index === n.index),
        "position",
      );

  const pairs: InterdiffPair[] = newer.map((n) => {
    const match = partner.get(n);
    if (!match) return alone(n, "added");
    const compared = comparePatches(match.patch, n);
    const changed = compared.message.length > 0 || compared.files.length > 0;
    return {
      status: changed ? "changed" : "unchanged",
      older: brief(match.patch),
      newer: brief(n),
      matchedBy: match.by,
      ...compared,
    };
  });

  // A dropped patch goes where it stood in the older version.
  for (const o of older.filter((x) => !taken.has(x))) {
    const at = pairs.findIndex((p) => p.older !== null && p.older.index > o.index);
    pairs.splice(at === -1 ? pairs.length : at, 0, alone(o, "removed"));
  }
  return pairs;
}
