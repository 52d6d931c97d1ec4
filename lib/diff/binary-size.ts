import { inflateSync } from "node:zlib";

/*
 * Sizes of a file in a `GIT binary patch` (git's apply.c parse_binary / diff.c
 * emit_binary_diff_body): each block is `literal <size>` (the deflated content, <size>
 * bytes once inflated) or `delta <size>` (a deflated delta whose header starts with two
 * little-endian base-128 varints: source size, then target size), followed by base85
 * lines whose first character gives the line's byte count (A–Z = 1–26, a–z = 27–52).
 * The first block turns old into new, the second new into old.
 */

const BASE85 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~";
const DIGIT = new Map([...BASE85].map((c, i) => [c, i]));

/** Decode base85 lines as git's base85.c writes them; null on bad data. */
function decodeBase85Lines(lines: string[]): Buffer | null {
  const out: number[] = [];
  for (const line of lines) {
    const c = line.charCodeAt(0);
    const length = c >= 65 && c <= 90 ? c - 64 : c >= 97 && c <= 122 ? c - 96 + 26 : 0;
    if (length === 0 || line.length !== 1 + Math.ceil(length / 4) * 5) return null;
    const bytes: number[] = [];
    for (let i = 1; i < line.length; i += 5) {
      let value = 0;
      for (let k = 0; k < 5; k++) {
        const digit = DIGIT.get(line[i + k]!);
        if (digit === undefined) return null;
        value = value * 85 + digit;
      }
      if (value > 0xffffffff) return null;
      bytes.push((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
    }
    out.push(...bytes.slice(0, length));
  }
  return Buffer.from(out);
}

function varint(data: Buffer, at: { offset: number }): number | null {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = data[at.offset++];
    if (byte === undefined || shift > 49) return null;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return value;
  }
}

/** The size of the file a block produces: the literal size, or the delta's target size. */
function blockResultSize(kind: string, size: number, lines: string[]): number | null {
  if (kind === "literal") return size;
  const deflated = decodeBase85Lines(lines);
  if (deflated === null) return null;
  try {
    const delta = inflateSync(deflated, { maxOutputLength: Math.max(size, 64) });
    const at = { offset: 0 };
    if (varint(delta, at) === null) return null;
    return varint(delta, at);
  } catch {
    return null;
  }
}

/** Old and new sizes from the lines after `GIT binary patch`; undefined where unknown. */
export function binarySizes(lines: string[]): { oldSize?: number; newSize?: number } {
  const blocks: Array<{ kind: string; size: number; data: string[] }> = [];
  for (const line of lines) {
    const header = /^(literal|delta) (\d+)$/.exec(line);
    if (header) blocks.push({ kind: header[1]!, size: Number(header[2]), data: [] });
    else if (line !== "" && blocks.length > 0) blocks[blocks.length - 1]!.data.push(line);
  }
  const [forward, reverse] = blocks;
  const newSize = forward ? blockResultSize(forward.kind, forward.size, forward.data) : null;
  const oldSize = reverse ? blockResultSize(reverse.kind, reverse.size, reverse.data) : null;
  return { ...(oldSize !== null ? { oldSize } : {}), ...(newSize !== null ? { newSize } : {}) };
}
