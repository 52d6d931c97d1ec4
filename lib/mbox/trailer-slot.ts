/**
 * Where new trailers go in the text of a patch mail: after the last line of the commit
 * message, which ends where `git am` ends it (git's mailinfo.c patchbreak(): a `---`
 * line, `diff -`, or `Index: `), joining the trailer block when the last paragraph is one
 * (git interpret-trailers' rule, trailer.c), else after a blank line.
 *
 * The text is bytes in an ASCII-compatible charset; only ASCII is looked at.
 */
export interface TrailerSlot {
  /** Byte offset to insert at. */
  at: number;
  /** What to write before the trailers: "" inside a trailer block, a line end (or two) otherwise. */
  before: string;
  /** The line end the text uses there. */
  eol: "\r\n" | "\n";
  /** The lines of the existing trailer block, to leave out trailers it already has. */
  block: string[];
}

interface Line {
  start: number;
  /** End of the text, before CR LF or LF. */
  end: number;
  /** Start of the next line. */
  next: number;
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c;
}

/** mailinfo.c patchbreak(), on one line with its line end. */
function isPatchBreak(text: Buffer, line: Line): boolean {
  const head = text.toString("latin1", line.start, Math.min(line.next, line.start + 8));
  if (head.startsWith("diff -") || head.startsWith("Index: ")) return true;
  if (line.next - line.start < 4 || !head.startsWith("---")) return false;
  if (text[line.start + 3] === 0x20 && line.start + 4 < line.end && !isSpace(text[line.start + 4]))
    return true;
  for (let i = line.start + 3; i < line.next; i++) {
    if (text[i] === 0x0a) return true;
    if (!isSpace(text[i])) return false;
  }
  return false;
}

function* lines(text: Buffer): Generator<Line> {
  let start = 0;
  while (start < text.length) {
    const lf = text.indexOf(0x0a, start);
    const next = lf < 0 ? text.length : lf + 1;
    const end = lf < 0 ? text.length : lf > start && text[lf - 1] === 0x0d ? lf - 1 : lf;
    yield { start, end, next };
    start = next;
  }
}

const TRAILER = /^[A-Za-z0-9][A-Za-z0-9-]*[ \t]*:[ \t]*\S/;
const GIT_GENERATED = /^(Signed-off-by: |\(cherry picked from commit )/;

/**
 * trailer.c find_trailer_block_start(): the last paragraph is a trailer block when every
 * line is a trailer (or a continuation of one, or a `[note]`), or when at least a quarter
 * are trailers and one was written by git (Signed-off-by).
 */
function isTrailerBlock(paragraph: string[]): boolean {
  let trailers = 0;
  let others = 0;
  let gitGenerated = false;
  let afterTrailer = false;
  for (const line of paragraph) {
    if (TRAILER.test(line)) {
      trailers++;
      afterTrailer = true;
      if (GIT_GENERATED.test(line)) gitGenerated = true;
    } else if (afterTrailer && /^[ \t]/.test(line)) {
      // A folded trailer value.
    } else if (/^\[.*\]\s*$/.test(line)) {
      afterTrailer = false;
    } else {
      others++;
      afterTrailer = false;
    }
  }
  if (trailers === 0) return false;
  return others === 0 || (gitGenerated && trailers * 3 >= others);
}

export function findTrailerSlot(text: Buffer): TrailerSlot {
  const message: Line[] = [];
  for (const line of lines(text)) {
    if (isPatchBreak(text, line)) break;
    message.push(line);
  }
  const blank = (l: Line) => text.toString("latin1", l.start, l.end).trim() === "";
  let last = message.length - 1;
  while (last >= 0 && blank(message[last]!)) last--;
  if (last < 0) return { at: message[0]?.start ?? 0, before: "", eol: eolOf(text, message[0]), block: [] };
  let first = last;
  while (first > 0 && !blank(message[first - 1]!)) first--;
  const paragraph = message.slice(first, last + 1).map((l) => text.toString("latin1", l.start, l.end));
  const end = message[last]!;
  const eol = eolOf(text, end);
  const open = end.next === end.end ? eol : "";
  if (isTrailerBlock(paragraph)) return { at: end.next, before: open, eol, block: paragraph };
  return { at: end.next, before: open + eol, eol, block: [] };
}

function eolOf(text: Buffer, line: Line | undefined): "\r\n" | "\n" {
  return line && line.end < line.next && text[line.end] === 0x0d ? "\r\n" : "\n";
}
