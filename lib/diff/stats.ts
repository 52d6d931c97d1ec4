import parseDiff from "parse-diff";

import type { DiffStat, FileChange } from "./types";
import { binarySizes } from "./binary-size";
import { fileSections } from "./file-sections";
import { unquotePath } from "./unquote-path";

/*
 * Files touched by a diff and their line counts, as `git diff --stat --summary` reports
 * them. parse-diff counts the hunk lines; it knows nothing of git's extended header
 * lines (git-diff(1): rename/copy/similarity, modes, binary), so those are read here from
 * each file's section. parse-diff's objects stay in this file.
 */

interface Header {
  oldPath?: string | null;
  newPath?: string | null;
  renameFrom?: string;
  renameTo?: string;
  copyFrom?: string;
  copyTo?: string;
  similarity?: number;
  dissimilarity?: number;
  oldMode?: string;
  newMode?: string;
  created: boolean;
  deleted: boolean;
  binary: boolean;
  binaryLines: string[];
}

/** `--- a/x\t2010-01-01` → `x`: the timestamp after a tab goes, then the a/ or b/ prefix. */
function headerPath(value: string, prefix: "a/" | "b/"): string | null {
  const path = unquotePath(value.split("\t")[0]!.trimEnd());
  if (path === "/dev/null") return null;
  return path.startsWith(prefix) ? path.slice(2) : path;
}

/** Paths from `diff --git a/x b/y` (each maybe C-quoted), or `diff --git x x` when sent with --no-prefix. */
function gitLinePaths(rest: string): [string, string] | null {
  const quoted = /^("(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|\S+)$/.exec(rest);
  if (quoted) {
    const [a, b] = [unquotePath(quoted[1]!), unquotePath(quoted[2]!)];
    if (a.startsWith("a/") && b.startsWith("b/")) return [a.slice(2), b.slice(2)];
    if (a === b) return [a, b];
  }
  // Unquoted names with spaces: `a/x y b/x y`.
  const spaced = /^a\/(.+) b\/(.+)$/.exec(rest);
  if (spaced) return [spaced[1]!, spaced[2]!];
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === " " && rest.slice(0, half) === rest.slice(half + 1)) {
    return [rest.slice(0, half), rest.slice(0, half)];
  }
  return null;
}

function readHeader(lines: string[]): Header {
  const header: Header = { created: false, deleted: false, binary: false, binaryLines: [] };
  let inBinary = false;
  for (const line of lines) {
    if (inBinary) {
      header.binaryLines.push(line);
      continue;
    }
    if (line.startsWith("@@ ")) break;
    const [, key, value = ""] =
      /^(diff --git|Index:|--- |\+\+\+ |rename from|rename to|rename old|rename new|copy from|copy to|similarity index|dissimilarity index|old mode|new mode|new file mode|deleted file mode|index|GIT binary patch|Binary files)\s?(.*)$/.exec(
        line,
      ) ?? [];
    switch (key) {
      case "diff --git": {
        const paths = gitLinePaths(value);
        if (paths) [header.oldPath, header.newPath] = paths;
        break;
      }
      case "Index:":
        header.oldPath = header.newPath = value.trim();
        break;
      case "--- ":
        header.oldPath = headerPath(value, "a/");
        break;
      case "+++ ":
        header.newPath = headerPath(value, "b/");
        break;
      case "rename from":
      case "rename old":
        header.renameFrom = unquotePath(value);
        break;
      case "rename to":
      case "rename new":
        header.renameTo = unquotePath(value);
        break;
      case "copy from":
        header.copyFrom = unquotePath(value);
        break;
      case "copy to":
        header.copyTo = unquotePath(value);
        break;
      case "similarity index":
        header.similarity = parseInt(value, 10);
        break;
      case "dissimilarity index":
        header.dissimilarity = parseInt(value, 10);
        break;
      case "old mode":
        header.oldMode = value.trim();
        break;
      case "new mode":
        header.newMode = value.trim();
        break;
      case "new file mode":
        header.created = true;
        header.newMode = value.trim();
        break;
      case "deleted file mode":
        header.deleted = true;
        header.oldMode = value.trim();
        break;
      case "index": {
        const mode = /\s(\d{6})$/.exec(value);
        if (mode && !header.oldMode && !header.newMode) header.oldMode = header.newMode = mode[1]!;
        break;
      }
      case "GIT binary patch":
        header.binary = inBinary = true;
        break;
      case "Binary files":
        header.binary = true;
        break;
    }
  }
  return header;
}

function statusOf(
  header: Header,
  oldPath: string | null,
  newPath: string | null,
  hasHunks: boolean,
): FileChange["status"] {
  if (header.renameFrom !== undefined || header.renameTo !== undefined) return "renamed";
  if (header.copyFrom !== undefined || header.copyTo !== undefined) return "copied";
  if (header.created || oldPath === null) return "added";
  if (header.deleted || newPath === null) return "deleted";
  const modeOnly =
    header.oldMode !== undefined && header.newMode !== undefined && header.oldMode !== header.newMode;
  if (modeOnly && !hasHunks && !header.binary) return "mode";
  return "modified";
}

function fileChange(lines: string[]): FileChange | null {
  const header = readHeader(lines);
  const parsed = parseDiff(lines.join("\n"));
  const additions = parsed.reduce((sum, file) => sum + file.additions, 0);
  const deletions = parsed.reduce((sum, file) => sum + file.deletions, 0);
  const hasHunks = parsed.some((file) => file.chunks.length > 0);
  let oldPath = header.renameFrom ?? header.copyFrom ?? header.oldPath ?? parsed[0]?.from ?? null;
  let newPath = header.renameTo ?? header.copyTo ?? header.newPath ?? parsed[0]?.to ?? null;
  if (oldPath === "/dev/null") oldPath = null;
  if (newPath === "/dev/null") newPath = null;
  if (header.created) oldPath = null;
  if (header.deleted) newPath = null;
  if (oldPath === null && newPath === null) return null;

  const change: FileChange = {
    oldPath,
    newPath,
    status: statusOf(header, oldPath, newPath, hasHunks),
    additions,
    deletions,
    binary: header.binary,
  };
  if (header.similarity !== undefined && !Number.isNaN(header.similarity))
    change.similarity = header.similarity;
  if (header.dissimilarity !== undefined && !Number.isNaN(header.dissimilarity))
    change.dissimilarity = header.dissimilarity;
  if (header.oldMode !== undefined && !header.created) change.oldMode = header.oldMode;
  if (header.newMode !== undefined && !header.deleted) change.newMode = header.newMode;
  if (header.binary) Object.assign(change, binarySizes(header.binaryLines));
  return change;
}

/** Files, additions and deletions of a unified or git diff. Binary files count no lines. */
export function diffStat(diff: string): DiffStat {
  const files: FileChange[] = [];
  for (const section of fileSections(diff)) {
    const change = fileChange(section);
    if (change) files.push(change);
  }
  return {
    files,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
  };
}
