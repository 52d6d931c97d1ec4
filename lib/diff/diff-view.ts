import parseDiff from "parse-diff";

import type { FileChange } from "./types";
import { fileSections } from "./file-sections";
import { highlightLines, languageFor, type Token } from "./highlight";
import { diffStat } from "./stats";

/*
 * A patch's diff as the web page shows it: one entry per file (what it touched, how many
 * lines), and for a file that is shown, its hunks with old/new line numbers and coloured
 * code. Hunks are built per file on demand, so a page can show the first files of a huge
 * diff and leave the rest to be fetched when opened. parse-diff's objects stay here.
 */

export interface DiffFileSummary {
  /** Position of the file in the patch's diff, from 0: how the file route names it. */
  index: number;
  /** The path shown: the new one, or the old one for a deletion. */
  path: string;
  change: FileChange | null;
  /** Lines of the file's section (hunk lines and headers): what rendering it costs. */
  lines: number;
}

export interface DiffLineView {
  kind: "add" | "del" | "ctx" | "note";
  old: number | null;
  new: number | null;
  tokens: Token[];
}

export interface DiffHunkView {
  header: string;
  lines: DiffLineView[];
}

export interface DiffFileEntry {
  summary: DiffFileSummary;
  section: string[];
}

/** The files of a diff, in order, with their raw sections. */
export function diffFiles(diff: string): DiffFileEntry[] {
  return fileSections(diff).map((section, index) => {
    const change = diffStat(section.join("\n")).files[0] ?? null;
    const path = change?.newPath ?? change?.oldPath ?? section[0] ?? "";
    return { summary: { index, path, change, lines: section.length }, section };
  });
}

/** The hunks of one file's section, with line numbers and syntax tokens. */
export function renderHunks(section: string[], path: string): DiffHunkView[] {
  const language = languageFor(path);
  return parseDiff(section.join("\n")).flatMap((file) =>
    file.chunks.map((chunk) => {
      const code = chunk.changes.filter((c) => !c.content.startsWith("\\"));
      const tokens = highlightLines(
        code.map((c) => c.content.slice(1)),
        language,
      );
      let next = 0;
      const lines = chunk.changes.map((c): DiffLineView => {
        if (c.content.startsWith("\\"))
          return { kind: "note", old: null, new: null, tokens: [["", c.content]] };
        const t = tokens[next++] ?? [];
        if (c.type === "add") return { kind: "add", old: null, new: c.ln, tokens: t };
        if (c.type === "del") return { kind: "del", old: c.ln, new: null, tokens: t };
        return { kind: "ctx", old: c.ln1, new: c.ln2, tokens: t };
      });
      return { header: chunk.content, lines };
    }),
  );
}

/** The lines before the first hunk that say more than the paths: renames, modes, binary. */
export function extendedHeader(section: string[]): string[] {
  const out: string[] = [];
  for (const line of section.slice(1)) {
    if (line.startsWith("@@")) break;
    if (/^(--- |\+\+\+ |index )/.test(line)) continue;
    out.push(line);
    // The base85 data of a binary patch is not for reading.
    if (line.startsWith("GIT binary patch")) break;
  }
  return out;
}
