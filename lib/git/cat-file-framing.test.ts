import { describe, expect, it } from "vitest";

import { type CatFileAnswer, CatFileFramer } from "./cat-file-framing";

const A = "a".repeat(40);
const B = "b".repeat(40);
const C = "c".repeat(40);

/** Batch output for: a 12-byte blob, a missing name, an empty blob, an ambiguous name, a 3-byte tree. */
const output = Buffer.concat([
  Buffer.from(`${A} blob 12\nhello\nworld\n\n`),
  Buffer.from(`deadbeef:m missing\n`),
  Buffer.from(`${B} blob 0\n\n`),
  Buffer.from(`abc ambiguous\n`),
  Buffer.from(`${C} tree 3\n\x00\n\xff\n`, "latin1"),
]);

function feed(framer: CatFileFramer, chunks: Buffer[]): CatFileAnswer[] {
  return chunks.flatMap((chunk) => framer.push(chunk));
}

const expected = [
  { kind: "object", oid: A, type: "blob", size: 12, content: Buffer.from("hello\nworld\n") },
  { kind: "missing", name: "deadbeef:m" },
  { kind: "object", oid: B, type: "blob", size: 0, content: Buffer.alloc(0) },
  { kind: "ambiguous", name: "abc" },
  { kind: "object", oid: C, type: "tree", size: 3, content: Buffer.from("\x00\n\xff", "latin1") },
];

describe("cat-file --batch framing", () => {
  it("answers in order for output arriving in one chunk", () => {
    const framer = new CatFileFramer(1024);
    expect(feed(framer, [output])).toEqual(expected);
    expect(framer.idle).toBe(true);
  });

  it("gives the same answers however the output is cut (every split point, and byte by byte)", () => {
    for (let cut = 1; cut < output.length; cut++) {
      const framer = new CatFileFramer(1024);
      expect(feed(framer, [output.subarray(0, cut), output.subarray(cut)])).toEqual(expected);
    }
    const bytes = [...output].map((b) => Buffer.from([b]));
    expect(feed(new CatFileFramer(1024), bytes)).toEqual(expected);
  });

  it("counts and drops an object over the size limit, then keeps framing what follows", () => {
    const framer = new CatFileFramer(5);
    const answers = feed(framer, [output.subarray(0, 30), output.subarray(30)]);
    expect(answers[0]).toEqual({ kind: "too-large", oid: A, type: "blob", size: 12 });
    expect(answers.slice(1)).toEqual(expected.slice(1));
  });

  it("is not idle while an answer is half-read", () => {
    const framer = new CatFileFramer(1024);
    framer.push(output.subarray(0, 50));
    expect(framer.idle).toBe(false);
  });

  it("rejects output that is not batch framing", () => {
    expect(() => new CatFileFramer(10).push(Buffer.from("fatal: something\n"))).toThrow(/unexpected header/);
    expect(() => new CatFileFramer(10).push(Buffer.from(`${A} blob 1\nxy`))).toThrow(/not followed by LF/);
  });
});
