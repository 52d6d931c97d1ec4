import { createReadStream } from "node:fs";
import path from "node:path";

import { gunzip } from "./gunzip";
import { readMbox } from "./mboxrd";
import { peekStream } from "./peek";
import { MessageSourceError, type MessageSourceProblem } from "./source-error";
import {
  maxMessageBytes,
  type MessageSourceOptions,
  type SourceMessage,
  skipOversized,
} from "./source-types";

/** Enough to see a `From ` line, a compression magic, or JSON after some white space. */
const SNIFF_BYTES = 256;

/**
 * The messages of one file, its kind decided by its first bytes (see openMessageSource):
 * gzip is decompressed first; `From ` makes it an mbox; JSON and other compressions are
 * refused before anything is yielded; anything else is one raw message.
 */
export async function* readFileSource(
  file: string,
  options: MessageSourceOptions = {},
): AsyncGenerator<SourceMessage, void, undefined> {
  const name = path.basename(file);
  let { head, stream, cancel } = await peekStream(
    createReadStream(file) as AsyncIterable<Buffer>,
    SNIFF_BYTES,
  );
  if (head[0] === 0x1f && head[1] === 0x8b) {
    ({ head, stream, cancel } = await peekStream(gunzip(stream, file), SNIFF_BYTES));
  }
  const problem = notMail(head);
  if (problem) {
    await cancel();
    throw new MessageSourceError(problem.reason, file, `${file}: ${problem.message}`);
  }
  if (head.subarray(0, 5).toString("latin1") === "From ") {
    let n = 0;
    const onOversized = (position: number, bytes: number) => {
      n = position;
      skipOversized(options, file, `${name}#${position}`, bytes);
    };
    for await (const raw of readMbox(stream, { maxMessageBytes: maxMessageBytes(options), onOversized })) {
      yield { raw, origin: `${name}#${++n}` };
    }
    return;
  }
  const raw = await readWhole(stream, maxMessageBytes(options));
  if (typeof raw === "number") skipOversized(options, file, name, raw);
  else if (raw.length > 0) yield { raw, origin: name };
}

/** The whole stream, or its size if that is over `limit` (then read to the end, not kept). */
async function readWhole(stream: AsyncIterable<Buffer>, limit: number): Promise<Buffer | number> {
  let chunks: Buffer[] | null = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    if (bytes > limit) chunks = null;
    chunks?.push(chunk);
  }
  return chunks ? Buffer.concat(chunks, bytes) : bytes;
}

function notMail(head: Buffer): { reason: MessageSourceProblem; message: string } | null {
  const hex = head.toString("hex");
  // xz (FD 37 7A 58 5A 00), bzip2 ("BZh"), zstd (28 B5 2F FD): their format documents' magic numbers.
  if (hex.startsWith("fd377a585a00") || hex.startsWith("425a68") || hex.startsWith("28b52ffd")) {
    return {
      reason: "unsupported-compression",
      message: "xz, bzip2 or zstd data; decompress it first (gzip is read as is)",
    };
  }
  const first = head.toString("latin1").trimStart()[0];
  if (first === "{" || first === "[") {
    return { reason: "not-mail", message: "JSON, not mail (a REST body, not an mbox or a message)" };
  }
  return null;
}
