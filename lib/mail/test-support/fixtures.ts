import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/*
 * Test-only helpers to read the fixture mails. lib/mbox is written concurrently by
 * someone else, so this keeps its own small splitter: a file whose first line starts with
 * `From ` is an mbox (patchew's rule, see __fixtures__/patchew/README.md), split on
 * `From ` lines with mboxrd `>From` unescaping; otherwise it is one message.
 */

export const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../__fixtures__");

export function readFixture(relative: string): Buffer {
  const data = readFileSync(path.join(FIXTURES, relative));
  return relative.endsWith(".gz") ? gunzipSync(data) : data;
}

/** Split an mbox (or a single message) into raw messages, without their `From ` lines. */
export function splitMbox(data: Buffer): Buffer[] {
  const text = data.toString("latin1");
  if (!text.startsWith("From ")) return [data];
  const messages: Buffer[] = [];
  const starts: number[] = [];
  const separator = /^From .*$/gm;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text))
    starts.push(match.index);
  for (let i = 0; i < starts.length; i++) {
    const start = text.indexOf("\n", starts[i]!) + 1;
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const body = text.slice(start, end).replace(/^>(>*From )/gm, "$1");
    messages.push(Buffer.from(body, "latin1"));
  }
  return messages;
}

/** Messages of a patchew fixture (`.json.gz` REST bodies give their `mbox` field). */
export function patchewMessages(name: string): Buffer[] {
  const data = readFixture(`patchew/${name}`);
  if (name.endsWith(".json.gz"))
    return splitMbox(Buffer.from((JSON.parse(data.toString("utf8")) as { mbox: string }).mbox, "utf8"));
  return splitMbox(data);
}

/** A patchwork fixture: always one message, maybe after a `From ` line. */
export function patchworkMessage(name: string): Buffer {
  return readFixture(`patchwork/${name}`);
}
