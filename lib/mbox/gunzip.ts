import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";

import { MessageSourceError } from "./source-error";

/**
 * The decompressed bytes of a gzip stream (RFC 1952; concatenated members too, as zlib
 * reads them). Corrupt or truncated data ends the stream with MessageSourceError
 * `unreadable`. Stopping early closes the source.
 */
export async function* gunzip(
  compressed: AsyncIterable<Buffer>,
  file: string,
): AsyncGenerator<Buffer, void, undefined> {
  const inflate = createGunzip();
  const pumping = pipeline(Readable.from(compressed), inflate).catch(() => {}); // errors surface on `inflate`
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) yield chunk;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new MessageSourceError("unreadable", file, `${file}: bad gzip data (${detail})`, { cause });
  } finally {
    inflate.destroy();
    await pumping;
  }
}
