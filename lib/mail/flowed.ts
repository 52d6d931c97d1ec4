/*
 * format=flowed (RFC 3676): Thunderbird and others send text with soft line breaks (a
 * line ending in a space continues on the next line) and "space-stuffing" (a line that
 * starts with a space, `>` or `From ` gets one more leading space). git mailinfo undoes
 * both since git 2.17, so we do too, or diff context lines would keep a doubled space.
 */

/** One line split into its quote depth (RFC 3676 §4.5) and its content. */
function splitQuote(line: string): { depth: number; content: string } {
  let depth = 0;
  while (depth < line.length && line.charCodeAt(depth) === 0x3e /* > */) depth++;
  let content = line.slice(depth);
  if (content.startsWith(" ")) content = content.slice(1); // §4.4 space-stuffing
  return { depth, content };
}

/** Decode a format=flowed body; `delSp` is the `delsp=yes` parameter (§4.2). */
export function decodeFlowed(text: string, delSp: boolean): string {
  const out: string[] = [];
  let pending: { depth: number; content: string } | null = null;
  for (const line of text.split("\n")) {
    const { depth, content } = splitQuote(line);
    // A signature separator is never flowed (§4.3).
    const flowed = content.endsWith(" ") && content !== "-- ";
    const piece = flowed && delSp ? content.slice(0, -1) : content;
    if (pending && pending.depth === depth) pending.content += piece;
    else {
      if (pending) out.push(render(pending));
      pending = { depth, content: piece };
    }
    if (!flowed) {
      out.push(render(pending));
      pending = null;
    }
  }
  if (pending) out.push(render(pending));
  return out.join("\n");
}

function render(line: { depth: number; content: string }): string {
  return line.depth > 0 ? `${">".repeat(line.depth)} ${line.content}` : line.content;
}
