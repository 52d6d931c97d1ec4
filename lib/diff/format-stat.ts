import type { DiffStat, FileChange } from "./types";

/*
 * `git diff --stat --summary` lines as `git format-patch` writes them below `---`
 * (diff.c show_stats, pprint_rename, show_file_mode_name, show_rename_copy,
 * show_mode_change). format-patch sets the width to MAIL_DEFAULT_WRAP, 72 columns; names
 * longer than their share are cut on the left at a `/` and prefixed with `...`.
 */

/** builtin/log.c: format-patch's stat width. */
const MAIL_DEFAULT_WRAP = 72;

/** `hw/{i2c => display}/i2c-ddc.c`: the common prefix and suffix around the renamed part (diff.c pprint_rename). */
export function renameName(a: string, b: string): string {
  let prefix = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (a[i] === "/") prefix = i + 1;
  let suffix = 0;
  // git lets the suffix scan run one character into a prefix that ends in '/', to see it.
  const adjust = prefix ? 1 : 0;
  for (
    let i = a.length, j = b.length;
    i >= prefix - adjust && j >= prefix - adjust && a[i] === b[j];
    i--, j--
  ) {
    if (a[i] === "/") suffix = a.length - i;
  }
  const aMid = a.slice(prefix, Math.max(prefix, a.length - suffix));
  const bMid = b.slice(prefix, Math.max(prefix, b.length - suffix));
  if (prefix + suffix === 0) return `${aMid} => ${bMid}`;
  return `${a.slice(0, prefix)}{${aMid} => ${bMid}}${a.slice(a.length - suffix)}`;
}

function printName(file: FileChange): string {
  if ((file.status === "renamed" || file.status === "copied") && file.oldPath && file.newPath)
    return renameName(file.oldPath, file.newPath);
  return file.newPath ?? file.oldPath ?? "";
}

function scaleLinear(it: number, width: number, maxChange: number): number {
  return it === 0 ? 0 : 1 + Math.floor((it * (width - 1)) / maxChange);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The stat lines (each starting with a space), the summary line, then the --summary lines. */
export function formatDiffStat(stat: DiffStat, width = MAIL_DEFAULT_WRAP): string[] {
  const files = stat.files;
  if (files.length === 0) return [];
  const names = files.map(printName);
  const binarySize = (file: FileChange) =>
    file.binary ? { added: file.newSize ?? 0, deleted: file.oldSize ?? 0 } : null;

  let maxLength = 0;
  let maxChange = 0;
  let numberWidth = 0;
  let binWidth = 0;
  files.forEach((file, i) => {
    maxLength = Math.max(maxLength, [...names[i]!].length);
    const bin = binarySize(file);
    if (bin) {
      binWidth = Math.max(binWidth, 14 + String(bin.added).length + String(bin.deleted).length);
      numberWidth = 3; // aligned with "Bin"
    } else maxChange = Math.max(maxChange, file.additions + file.deletions);
  });
  numberWidth = Math.max(String(maxChange).length, numberWidth);
  width = Math.max(width, 16 + 6 + numberWidth);
  let graphWidth = maxChange + 4 > binWidth ? maxChange : binWidth - 4;
  let nameWidth = maxLength;
  if (nameWidth + numberWidth + 6 + graphWidth > width) {
    if (graphWidth > Math.floor((width * 3) / 8) - numberWidth - 6)
      graphWidth = Math.max(6, Math.floor((width * 3) / 8) - numberWidth - 6);
    if (nameWidth > width - numberWidth - 6 - graphWidth) nameWidth = width - numberWidth - 6 - graphWidth;
    else graphWidth = width - numberWidth - 6 - nameWidth;
  }

  const lines = files.map((file, i) => {
    let name = names[i]!;
    let prefix = "";
    let room = nameWidth;
    if (nameWidth < [...name].length) {
      prefix = "...";
      room -= 3;
      name = name.slice([...name].length - room);
      const slash = name.indexOf("/");
      if (slash >= 0) name = name.slice(slash);
    }
    const label = ` ${prefix}${name}${" ".repeat(Math.max(0, room - [...name].length))} | `;
    const bin = binarySize(file);
    if (bin)
      return `${label}${"Bin".padStart(numberWidth)}${bin.added || bin.deleted ? ` ${bin.deleted} -> ${bin.added} bytes` : ""}`;
    let add = file.additions;
    let del = file.deletions;
    if (graphWidth <= maxChange) {
      let total = scaleLinear(add + del, graphWidth, maxChange);
      if (total < 2 && add && del) total = 2;
      if (add < del) {
        add = scaleLinear(add, graphWidth, maxChange);
        del = total - add;
      } else {
        del = scaleLinear(del, graphWidth, maxChange);
        add = total - del;
      }
    }
    const count = String(file.additions + file.deletions).padStart(numberWidth);
    return `${label}${count}${file.additions + file.deletions ? " " : ""}${"+".repeat(add)}${"-".repeat(del)}`;
  });

  const counted = files.filter((file) => !file.binary);
  const insertions = counted.reduce((sum, file) => sum + file.additions, 0);
  const deletions = counted.reduce((sum, file) => sum + file.deletions, 0);
  let summary = ` ${plural(files.length, "file")} changed`;
  if (insertions || !deletions) summary += `, ${plural(insertions, "insertion")}(+)`;
  if (deletions || !insertions) summary += `, ${plural(deletions, "deletion")}(-)`;
  return [...lines, summary, ...files.flatMap(summaryLines)];
}

/** git's --summary: creations, deletions, renames, copies, rewrites and mode changes. */
function summaryLines(file: FileChange): string[] {
  const path = file.newPath ?? file.oldPath ?? "";
  switch (file.status) {
    case "added":
      return [` create mode ${file.newMode ?? "100644"} ${path}`];
    case "deleted":
      return [` delete mode ${file.oldMode ?? "100644"} ${path}`];
    case "renamed":
    case "copied": {
      const verb = file.status === "renamed" ? "rename" : "copy";
      const lines = [
        ` ${verb} ${renameName(file.oldPath ?? "", file.newPath ?? "")} (${file.similarity ?? 100}%)`,
      ];
      if (file.oldMode && file.newMode && file.oldMode !== file.newMode)
        lines.push(` mode change ${file.oldMode} => ${file.newMode}`);
      return lines;
    }
    default: {
      const lines: string[] = [];
      if (file.dissimilarity !== undefined) lines.push(` rewrite ${path} (${file.dissimilarity}%)`);
      if (file.oldMode && file.newMode && file.oldMode !== file.newMode)
        lines.push(` mode change ${file.oldMode} => ${file.newMode} ${path}`);
      return lines;
    }
  }
}
