import { ansiLinesHtml } from "./ansi-html";

/*
 * A test log for the log page: blocks of lines, each one HTML string, for the reason
 * diff-html.ts gives (a 2 MB log is tens of thousands of lines; as React elements each
 * would be spelled out again in the page's payload). Each line is
 * `<div id=L12><a href=#L12>12</a><span>text</span></div>`: the number is a link to the
 * line, the id is its anchor, and `:target` highlights it (app/logs/[jobId]/log.css).
 * The text is escaped by lib/ui/ansi-html.ts; ids and links are numbers of ours.
 */

export interface LogBlock {
  /** The number of its first line, from 1. */
  first: number;
  lines: number;
  html: string;
}

export const LINES_PER_BLOCK = 1000;

export function logBlocks(text: string, linesPerBlock = LINES_PER_BLOCK): LogBlock[] {
  const lines = text === "" ? [] : ansiLinesHtml(text);
  const blocks: LogBlock[] = [];
  for (let start = 0; start < lines.length; start += linesPerBlock) {
    const end = Math.min(start + linesPerBlock, lines.length);
    let html = "";
    for (let i = start; i < end; i++) {
      const n = i + 1;
      html += `<div id=L${n}><a href=#L${n}>${n}</a><span>${lines[i]}</span></div>`;
    }
    blocks.push({ first: start + 1, lines: end - start, html });
  }
  return blocks;
}
