/*
 * A mail body cut into runs of quoted (`>`) and own text, so a page can fold what a reply
 * quotes and show what it says. Blank lines between two quoted runs belong to the quote,
 * as they do when people reply inline; the attribution line ("On … wrote:") stays visible.
 */

export interface BodyBlock {
  quoted: boolean;
  text: string;
}

const isQuoted = (line: string) => /^ ?>/.test(line);

export function quoteBlocks(body: string): BodyBlock[] {
  const lines = body.replace(/\r\n/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const runs: { quoted: boolean; lines: string[] }[] = [];
  for (const line of lines) {
    const quoted = isQuoted(line);
    const last = runs[runs.length - 1];
    if (last && last.quoted === quoted) last.lines.push(line);
    else runs.push({ quoted, lines: [line] });
  }
  // Blank own-text runs between two quotes join them.
  const merged: typeof runs = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const prev = merged[merged.length - 1];
    const next = runs[i + 1];
    const blank = !run.quoted && run.lines.every((l) => l.trim() === "");
    if (blank && prev?.quoted && next?.quoted) {
      prev.lines.push(...run.lines, ...next.lines);
      i++;
    } else if (prev && prev.quoted === run.quoted) prev.lines.push(...run.lines);
    else merged.push({ quoted: run.quoted, lines: [...run.lines] });
  }
  return merged.map((r) => ({ quoted: r.quoted, text: r.lines.join("\n") }));
}
