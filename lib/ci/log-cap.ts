/**
 * Test logs are capped: the first and the last bytes are kept (the start says what ran,
 * the end why it failed) and the middle is replaced by one marker line naming how many
 * bytes were cut. The capper is fed a stream chunk by chunk and holds at most
 * headBytes + tailBytes, however long the stream, so a 200 MB upload costs 2 MiB.
 *
 * What is kept is valid UTF-8 without NUL (a PostgreSQL text value): the stream is
 * decoded as UTF-8 with replacement characters for invalid bytes and NUL, then capped on
 * that, and the head and tail are cut on character boundaries. A stored log can be
 * resumed (LogCapper.resume) and appended to, so a log uploaded in parts is capped as one.
 */
export interface LogCapLimits {
  headBytes: number;
  tailBytes: number;
}

export const LOG_CAP: LogCapLimits = { headBytes: 1024 * 1024, tailBytes: 1024 * 1024 };

const MARKER = /^\n\[… (\d+) bytes cut …\]\n/;

export function cutMarker(bytes: number): string {
  return `\n[… ${bytes} bytes cut …]\n`;
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;

/** Bytes of the UTF-8 character a lead byte starts. */
function charLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

export interface CappedLog {
  text: string;
  truncated: boolean;
  /** Bytes (of the decoded text) between head and tail that were not kept. */
  cutBytes: number;
}

export class LogCapper {
  private readonly head: Buffer;
  private headLength = 0;
  private headClosed = false;
  private readonly ring: Buffer;
  private ringStart = 0;
  private ringLength = 0;
  private cut = 0;
  private decoder = new TextDecoder("utf-8");
  /** Raw bytes pushed, as the sender counted them. */
  receivedBytes = 0;

  constructor(readonly limits: LogCapLimits = LOG_CAP) {
    if (limits.headBytes < 16 || limits.tailBytes < 16) throw new Error("log cap below 16 bytes");
    this.head = Buffer.alloc(limits.headBytes);
    this.ring = Buffer.alloc(limits.tailBytes);
  }

  /** The next raw bytes of the log. */
  push(chunk: Uint8Array): void {
    this.receivedBytes += chunk.byteLength;
    this.keep(sanitize(this.decoder.decode(chunk, { stream: true })));
  }

  /** The end of the stream: a character left incomplete becomes a replacement character. */
  end(): void {
    this.keep(sanitize(this.decoder.decode()));
    this.decoder = new TextDecoder("utf-8");
  }

  /** `bytes` of the log that are missing here (cut elsewhere): the tail starts again after them. */
  pushGap(bytes: number): void {
    if (bytes <= 0) return;
    this.end();
    this.headClosed = true;
    this.cut += this.ringLength + bytes;
    this.ringLength = 0;
    this.ringStart = 0;
  }

  /** Appends another capped log (a later part of the same stream). */
  append(other: LogCapper): void {
    const { head, cut, tail } = other.parts();
    this.end();
    this.keep(head);
    this.pushGap(cut);
    this.keep(tail);
  }

  /** What is kept: the head, the bytes cut, the tail (starting on a character boundary). */
  parts(): { head: Buffer; cut: number; tail: Buffer } {
    const tail = Buffer.alloc(this.ringLength);
    const first = Math.min(this.ringLength, this.ring.length - this.ringStart);
    this.ring.copy(tail, 0, this.ringStart, this.ringStart + first);
    this.ring.copy(tail, first, 0, this.ringLength - first);
    let skip = 0;
    if (this.cut > 0) while (skip < Math.min(3, tail.length) && isContinuation(tail[skip]!)) skip++;
    return {
      head: Buffer.from(this.head.subarray(0, this.headLength)),
      cut: this.cut + skip,
      tail: tail.subarray(skip),
    };
  }

  render(): CappedLog {
    const { head, cut, tail } = this.parts();
    const middle = cut > 0 ? cutMarker(cut) : "";
    return {
      text: head.toString("utf8") + middle + tail.toString("utf8"),
      truncated: cut > 0,
      cutBytes: cut,
    };
  }

  /** A capper holding a stored log (as render() wrote it), to append to. */
  static resume(text: string, truncated: boolean, limits: LogCapLimits = LOG_CAP): LogCapper {
    const capper = new LogCapper(limits);
    const bytes = sanitize(text);
    const at = truncated ? findMarker(bytes, limits.headBytes) : null;
    if (!at) {
      capper.keep(bytes);
      return capper;
    }
    capper.keep(bytes.subarray(0, at.offset));
    capper.pushGap(at.cut);
    capper.keep(bytes.subarray(at.offset + at.length));
    return capper;
  }

  /** Keeps valid, NUL-free UTF-8: fills the head, then the ring of the last bytes. */
  private keep(bytes: Buffer): void {
    let rest = bytes;
    if (!this.headClosed) {
      const room = this.head.length - this.headLength;
      const take = Math.min(room, rest.length);
      rest.copy(this.head, this.headLength, 0, take);
      this.headLength += take;
      rest = rest.subarray(take);
      if (this.headLength === this.head.length) {
        this.headClosed = true;
        // A character the head's end splits moves to the tail whole.
        const partial = this.partialCharAtHeadEnd();
        if (partial > 0) {
          const moved = Buffer.from(this.head.subarray(this.headLength - partial, this.headLength));
          this.headLength -= partial;
          rest = Buffer.concat([moved, rest]);
        }
      }
    }
    if (rest.length > 0) this.keepInRing(rest);
  }

  private partialCharAtHeadEnd(): number {
    for (let back = 1; back <= Math.min(4, this.headLength); back++) {
      const byte = this.head[this.headLength - back]!;
      if (!isContinuation(byte)) return charLength(byte) > back ? back : 0;
    }
    return 0;
  }

  private keepInRing(bytes: Buffer): void {
    const size = this.ring.length;
    if (bytes.length >= size) {
      this.cut += this.ringLength + bytes.length - size;
      bytes.copy(this.ring, 0, bytes.length - size);
      this.ringStart = 0;
      this.ringLength = size;
      return;
    }
    const overflow = this.ringLength + bytes.length - size;
    if (overflow > 0) {
      this.ringStart = (this.ringStart + overflow) % size;
      this.ringLength -= overflow;
      this.cut += overflow;
    }
    const end = (this.ringStart + this.ringLength) % size;
    const first = Math.min(bytes.length, size - end);
    bytes.copy(this.ring, end, 0, first);
    bytes.copy(this.ring, 0, first);
    this.ringLength += bytes.length;
  }
}

/** NUL cannot be stored in a PostgreSQL text value. */
function sanitize(text: string): Buffer {
  return Buffer.from(text.includes("\0") ? text.replaceAll("\0", "\uFFFD") : text, "utf8");
}

/**
 * The marker render() wrote right after the head: the head holds headBytes less at most
 * the 3 bytes of a character moved to the tail, so only those offsets are looked at, and a
 * marker-like line inside the log itself is never taken for it.
 */
function findMarker(
  bytes: Buffer,
  headBytes: number,
): { offset: number; length: number; cut: number } | null {
  for (let offset = Math.min(headBytes, bytes.length); offset >= Math.max(0, headBytes - 3); offset--) {
    const match = MARKER.exec(bytes.subarray(offset, offset + 64).toString("utf8"));
    if (match) return { offset, length: Buffer.byteLength(match[0]), cut: Number(match[1]) };
  }
  return null;
}
