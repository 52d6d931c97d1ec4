import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openCatFileBatch } from "./cat-file-batch";
import { GitError } from "./errors";
import { commitTree, initBareRepo, writeBlob } from "./test-repo";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "patchwatch-catfile-"));
const gitDir = path.join(scratch, "repo.git");
const blobs: { id: string; content: Buffer }[] = [];
let commit = "";

beforeAll(async () => {
  await initBareRepo(gitDir);
  const contents = [
    Buffer.from("Subject: one\r\n\r\nCRLF body\r\n"),
    Buffer.from([0, 1, 2, 10, 255, 10]),
    Buffer.alloc(0),
    Buffer.alloc(300_000, "x"), // bigger than a pipe buffer: arrives in many chunks
  ];
  for (const content of contents) blobs.push({ id: await writeBlob(gitDir, content), content });
  commit = await commitTree(gitDir, { m: blobs[0]!.id }, null, "one message");
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("git cat-file --batch", () => {
  it("reads objects byte for byte, with type and size", async () => {
    const batch = openCatFileBatch(gitDir);
    for (const { id, content } of blobs) {
      expect(await batch.read(id)).toEqual({ type: "blob", size: content.length, content });
    }
    await batch.close();
  });

  it("answers null for a missing object, and reads `<commit>:<path>` names", async () => {
    const batch = openCatFileBatch(gitDir);
    expect(await batch.read("0".repeat(40))).toBeNull();
    expect((await batch.read(`${commit}:m`))?.content).toEqual(blobs[0]!.content);
    expect(await batch.read(`${commit}:d`)).toBeNull();
    await batch.close();
  });

  it("pipelines thousands of overlapping reads on one process and answers each in order", async () => {
    const batch = openCatFileBatch(gitDir);
    // 20,000 request lines are ~1 MB: far more than a pipe holds, so stdin backpressure ('drain') is exercised.
    const names = Array.from({ length: 20_000 }, (_, i) => (i % 4 === 3 ? "f".repeat(40) : blobs[i % 4]!.id));
    const answers = await Promise.all(names.map((name) => batch.read(name)));
    answers.forEach((answer, i) => {
      if (i % 4 === 3) expect(answer).toBeNull();
      else expect(answer!.content.equals(blobs[i % 4]!.content)).toBe(true);
    });
    await batch.close();
  });

  it("rejects an object over the size limit with `output-too-large` and goes on with the next read", async () => {
    const batch = openCatFileBatch(gitDir, { maxObjectBytes: 1000 });
    const big = batch.read(blobs[3]!.id);
    const small = batch.read(blobs[0]!.id);
    await expect(big).rejects.toMatchObject({ code: "output-too-large" });
    expect((await small)?.content).toEqual(blobs[0]!.content);
    await batch.close();
  });

  it("refuses a name holding a newline, which would be two requests", async () => {
    const batch = openCatFileBatch(gitDir);
    await expect(batch.read(`${blobs[0]!.id}\n${blobs[1]!.id}`)).rejects.toBeInstanceOf(GitError);
    await batch.close();
  });

  it("answers what was asked before close, and refuses reads after it", async () => {
    const batch = openCatFileBatch(gitDir);
    const pending = batch.read(blobs[1]!.id);
    await batch.close();
    expect((await pending)?.content).toEqual(blobs[1]!.content);
    await expect(batch.read(blobs[1]!.id)).rejects.toBeInstanceOf(GitError);
  });

  it("rejects every read with `failed` when the repository does not exist", async () => {
    const batch = openCatFileBatch(path.join(scratch, "nothing.git"));
    await expect(batch.read(blobs[0]!.id)).rejects.toMatchObject({ code: "failed" });
    await batch.close();
  });
});
