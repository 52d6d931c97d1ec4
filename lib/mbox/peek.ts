/**
 * The first bytes of a byte stream, and the whole stream again (those bytes included),
 * so a format can be chosen by content before reading on. Reads chunks until it has
 * `count` bytes or the stream ends; nothing is read twice. Either read `stream` (to the
 * end, or stop early: the source is closed either way) or call `cancel`.
 */
export async function peekStream(
  input: AsyncIterable<Buffer>,
  count: number,
): Promise<{ head: Buffer; stream: AsyncGenerator<Buffer, void, undefined>; cancel: () => Promise<void> }> {
  const iterator = input[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let have = 0;
  let ended = false;
  while (have < count) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    seen.push(next.value);
    have += next.value.length;
  }
  const head = Buffer.concat(seen).subarray(0, count);
  async function* replay(): AsyncGenerator<Buffer, void, undefined> {
    try {
      yield* seen;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Stopped early: let the source close its file descriptor.
      await iterator.return?.();
    }
  }
  // For a caller that decides not to read on: `stream.return()` would not reach the
  // source, because a generator that never started runs no `finally`.
  const cancel = async () => {
    await iterator.return?.();
  };
  return { head, stream: replay(), cancel };
}
