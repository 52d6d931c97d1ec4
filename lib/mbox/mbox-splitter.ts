import { classifyFromLine, looksLikeHeaderField, startsWithFrom } from "./from-line";

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;

interface Span {
  buf: Buffer;
  start: number;
  end: number;
}

/**
 * The mbox reading state machine (deliberately one class: the states only make sense
 * together). Fed chunks of any size, it cuts lines at LF and returns finished messages.
 *
 * Rules (see from-line.ts for what counts as a separator):
 * - The first line of the input, if it starts with `From `, is a separator.
 * - Later, a `From ` line is a separator only right after an empty line (LF or CRLF);
 *   a `strong` one at once, a `bare` one if the next line is a header field.
 * - The empty line before a separator, and one at the very end, were added by the mbox
 *   writer and are dropped.
 * - `>From `, `>>From `, ... lose one `>` (mboxrd; for mboxo files this is the only
 *   reading possible too).
 * - Everything else, CRLF included, is kept byte for byte. Bytes before the first
 *   separator form a message of their own, so nothing is silently dropped.
 *
 * Kept lines are remembered as spans of the input chunks and copied once per message,
 * so chunks must not be reused by their producer (Node streams never do). A message
 * growing past `maxMessageBytes` stops being kept (memory stays bounded) and comes out
 * as `{ oversized: bytes }` in its place.
 */
export type SplitResult = Buffer | { oversized: number };

export class MboxSplitter {
  private parts: Buffer[] = [];
  private bytes = 0;
  private run: Span | null = null;
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private seenLine = false;
  /** An empty line that is the writer's separator blank if a separator follows. */
  private blank: Span | null = null;
  /** A bare `From <word>` after an empty line, waiting for the next line to decide. */
  private bareFrom: { blank: Span; line: Span } | null = null;
  private done: SplitResult[] = [];

  constructor(private readonly maxMessageBytes: number) {}

  push(chunk: Buffer): SplitResult[] {
    let at = 0;
    if (this.carryBytes > 0) {
      const lf = chunk.indexOf(LF);
      this.addToCarry(lf === -1 ? chunk : chunk.subarray(0, lf + 1));
      if (lf === -1) return this.take();
      this.endCarriedLine();
      at = lf + 1;
    }
    for (let lf = chunk.indexOf(LF, at); lf !== -1; lf = chunk.indexOf(LF, at)) {
      this.line(chunk, at, lf + 1);
      at = lf + 1;
    }
    if (at < chunk.length) this.addToCarry(chunk.subarray(at));
    return this.take();
  }

  end(): SplitResult[] {
    if (this.carryBytes > 0) this.endCarriedLine();
    // A bare `From <word>` with nothing after it opens no message: keep it as text.
    if (this.bareFrom) this.keepBareFrom();
    this.blank = null;
    this.finish();
    return this.take();
  }

  /** Keeps the start of a line that continues in the next chunk; past the size limit, only counts it. */
  private addToCarry(piece: Buffer): void {
    this.carryBytes += piece.length;
    if (this.carryBytes > this.maxMessageBytes) this.carry = [];
    else this.carry.push(piece);
  }

  private endCarriedLine(): void {
    const bytes = this.carryBytes;
    const line = bytes > this.maxMessageBytes ? null : Buffer.concat(this.carry);
    this.carry = [];
    this.carryBytes = 0;
    if (line) this.line(line, 0, line.length);
    else this.hugeLine(bytes);
  }

  /** A line too long to hold: body text (no separator is that long) that makes its message oversized. */
  private hugeLine(bytes: number): void {
    this.seenLine = true;
    if (this.bareFrom) this.keepBareFrom();
    if (this.blank) this.append(this.blank.buf, this.blank.start, this.blank.end);
    this.blank = null;
    this.bytes += bytes;
    this.parts = [];
    this.run = null;
  }

  private line(buf: Buffer, start: number, end: number): void {
    const first = !this.seenLine;
    this.seenLine = true;
    if (this.bareFrom) {
      if (looksLikeHeaderField(buf, start, end)) {
        this.bareFrom = null;
        this.finish();
      } else this.keepBareFrom();
    }
    if (startsWithFrom(buf, start, end)) {
      if (first) return;
      if (this.blank) {
        const kind = classifyFromLine(buf, start, end);
        if (kind === "strong") {
          this.blank = null;
          this.finish();
          return;
        }
        if (kind === "bare") {
          this.bareFrom = { blank: this.blank, line: { buf, start, end } };
          this.blank = null;
          return;
        }
      }
    }
    if (isEmptyLine(buf, start, end)) {
      if (this.blank) this.append(this.blank.buf, this.blank.start, this.blank.end);
      this.blank = { buf, start, end };
      return;
    }
    if (this.blank) {
      this.append(this.blank.buf, this.blank.start, this.blank.end);
      this.blank = null;
    }
    if (buf[start] === GT) {
      let i = start + 1;
      while (i < end && buf[i] === GT) i++;
      if (startsWithFrom(buf, i, end)) return this.append(buf, start + 1, end);
    }
    this.append(buf, start, end);
  }

  private keepBareFrom(): void {
    const { blank, line } = this.bareFrom!;
    this.bareFrom = null;
    this.append(blank.buf, blank.start, blank.end);
    this.append(line.buf, line.start, line.end);
  }

  /** Adds bytes to the message, extending the current span when they follow it in the same chunk. */
  private append(buf: Buffer, start: number, end: number): void {
    this.bytes += end - start;
    if (this.bytes > this.maxMessageBytes) {
      this.parts = [];
      this.run = null;
      return;
    }
    const run = this.run;
    if (run && run.buf === buf && run.end === start) {
      run.end = end;
      return;
    }
    if (run) this.parts.push(run.buf.subarray(run.start, run.end));
    this.run = { buf, start, end };
  }

  private finish(): void {
    if (this.run) this.parts.push(this.run.buf.subarray(this.run.start, this.run.end));
    // Always a copy: the message must not pin (or alias) the input chunks.
    if (this.bytes > this.maxMessageBytes) this.done.push({ oversized: this.bytes });
    else if (this.parts.length > 0) this.done.push(Buffer.concat(this.parts));
    this.run = null;
    this.parts = [];
    this.bytes = 0;
  }

  private take(): SplitResult[] {
    if (this.done.length === 0) return NONE;
    const out = this.done;
    this.done = [];
    return out;
  }
}

const NONE: SplitResult[] = [];

function isEmptyLine(buf: Buffer, start: number, end: number): boolean {
  const length = end - start;
  return (length === 1 && buf[start] === LF) || (length === 2 && buf[start] === CR && buf[start + 1] === LF);
}
