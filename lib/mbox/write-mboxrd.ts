import { startsWithFrom } from "./from-line";

/**
 * The separator line public-inbox and lore write in their mboxrd exports; carries no
 * information, which is the point (nothing about the envelope leaks into exports).
 */
export const MBOXRD_FROM_LINE = "From mboxrd@z Thu Jan  1 00:00:00 1970";

const LF = 0x0a;
const GT = 0x3e;

/**
 * One message as an mboxrd entry: the `From ` line, the message with every line matching
 * `^>*From ` given one more `>` (so that reading removes exactly one), a final LF if the
 * message lacked one, and the empty line that ends an entry.
 *
 * Reading the entry back with readMbox gives the message's bytes exactly, except that a
 * message without a final LF comes back with one (mbox cannot say "no newline at end"),
 * and an empty message comes back as nothing.
 */
export function formatMboxrdEntry(raw: Buffer, fromLine: string = MBOXRD_FROM_LINE): Buffer {
  if (!fromLine.startsWith("From ") || /[\r\n]/.test(fromLine)) {
    throw new TypeError(`not an mbox separator line: ${JSON.stringify(fromLine)}`);
  }
  const parts: Buffer[] = [Buffer.from(`${fromLine}\n`, "latin1")];
  if (raw.length === 0) return Buffer.concat([parts[0]!, Buffer.from("\n")]);
  let runStart = 0;
  let at = 0;
  while (at < raw.length) {
    let next = raw.indexOf(LF, at);
    next = next === -1 ? raw.length : next + 1;
    let i = at;
    while (i < next && raw[i] === GT) i++;
    if (startsWithFrom(raw, i, next)) {
      parts.push(raw.subarray(runStart, at), GT_BUFFER);
      runStart = at;
    }
    at = next;
  }
  parts.push(raw.subarray(runStart));
  parts.push(raw[raw.length - 1] === LF ? NEWLINE : NEWLINE_TWICE);
  return Buffer.concat(parts);
}

/** An mboxrd file of the given messages, in memory (tests, one series' download). */
export function writeMboxrd(messages: Iterable<Buffer>, fromLine: string = MBOXRD_FROM_LINE): Buffer {
  return Buffer.concat(Array.from(messages, (raw) => formatMboxrdEntry(raw, fromLine)));
}

/** The same as a stream, one chunk per message, for exports too large to hold (a whole project). */
export async function* streamMboxrd(
  messages: AsyncIterable<Buffer> | Iterable<Buffer>,
  fromLine: string = MBOXRD_FROM_LINE,
): AsyncGenerator<Buffer, void, undefined> {
  for await (const raw of messages) yield formatMboxrdEntry(raw, fromLine);
}

const GT_BUFFER = Buffer.from(">");
const NEWLINE = Buffer.from("\n");
const NEWLINE_TWICE = Buffer.from("\n\n");
