/** Test support: bytes as a stream of fixed-size chunks, to check results do not depend on where chunks end. */
export async function* inChunks(data: Buffer, size: number): AsyncGenerator<Buffer, void, undefined> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The top-level Message-ID of a raw message (header section only, unfolded), without `<>`. */
export function messageIdOf(raw: Buffer): string | null {
  const text = raw.toString("latin1");
  const end = text.search(/\r?\n\r?\n/);
  const header = (end === -1 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, " ");
  const match = /^message-id:\s*<?([^>\s]+)>?/im.exec(header);
  return match?.[1] ?? null;
}
