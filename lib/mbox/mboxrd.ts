import { MAX_MESSAGE_BYTES } from "./limits";
import { MboxSplitter, type SplitResult } from "./mbox-splitter";

// The writing half of the format lives in write-mboxrd.ts; both halves are importable from here.
export { formatMboxrdEntry, MBOXRD_FROM_LINE, streamMboxrd, writeMboxrd } from "./write-mboxrd";

export interface ReadMboxOptions {
  /** Messages larger than this are not kept (default MAX_MESSAGE_BYTES). */
  maxMessageBytes?: number;
  /** Told of each message over the limit: its position in the file (from 1) and its size. */
  onOversized?: (position: number, bytes: number) => void;
}

/**
 * Raw messages of an mbox stream (mboxrd, mboxo, or the loose files test suites use),
 * one Buffer per message, bytes as stored: the `From ` separator line and the blank line
 * the writer put before it are removed, `>From ` lines lose one `>`, line endings (CRLF
 * too) are untouched. The separator rule is in mbox-splitter.ts and from-line.ts.
 *
 * Streaming: memory holds one message plus one input chunk, whatever the archive's size.
 * Pass a Readable without an encoding set (or any iterable of byte chunks).
 *
 * A message over the size limit is skipped and reported to `onOversized`, and reading
 * goes on; without `onOversized`, it throws a RangeError instead of dropping it silently.
 */
export async function* readMbox(
  input: AsyncIterable<Uint8Array | string>,
  options: ReadMboxOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  const splitter = new MboxSplitter(options.maxMessageBytes ?? MAX_MESSAGE_BYTES);
  let position = 0;
  function* emit(results: SplitResult[]): Generator<Buffer, void, undefined> {
    for (const result of results) {
      position++;
      if (Buffer.isBuffer(result)) yield result;
      else if (options.onOversized) options.onOversized(position, result.oversized);
      else
        throw new RangeError(`message ${position} of the mbox is ${result.oversized} bytes, over the limit`);
    }
  }
  for await (const chunk of input) {
    if (typeof chunk === "string") {
      throw new TypeError(
        "readMbox needs bytes: the stream has an encoding set, so the original bytes are lost",
      );
    }
    const buf = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    yield* emit(splitter.push(buf));
  }
  yield* emit(splitter.end());
}
