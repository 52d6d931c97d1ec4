/** Mail text helpers: plain text, lines of at most 76 characters where the words allow. */

export const LINE_WIDTH = 76;

/** A paragraph of prose, wrapped at word boundaries; a word longer than the line stays whole. */
export function wrap(paragraph: string, width = LINE_WIDTH, indent = ""): string[] {
  const words = paragraph.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : indent + word;
  }
  if (line) lines.push(line);
  return lines;
}

/** One line of text from a mail's field (a name, a subject): no line breaks, capped. */
export function oneLine(value: string, max = 200): string {
  const s = value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

export function shortCommit(commit: string): string {
  return commit.slice(0, 12);
}

/** The signature: RFC 3676 §4.3 `-- ` line, then who wrote this. */
export function signature(project: string): string[] {
  return [
    "-- ",
    `Patchwatch, the patch-test robot of ${project}. This mail was sent`,
    "automatically; please reply to the list, not to this address.",
  ];
}
