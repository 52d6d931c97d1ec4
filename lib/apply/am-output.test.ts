import { describe, expect, it } from "vitest";

import { alreadyAppliedPatches, readAmFailure } from "./am-output";

// Output of git 2.39 `git am --3way`, as the applier gets it (stdout, then stderr).
const conflict = `Applying: first
Applying: second
Using index info to reconstruct a base tree...
M\tsrc/a.c
Falling back to patching base and 3-way merge...
Auto-merging src/a.c
CONFLICT (content): Merge conflict in src/a.c
error: Failed to merge in the changes.
hint: Use 'git am --show-current-patch=diff' to see the failed patch
Patch failed at 0002 second
When you have resolved this problem, run "git am --continue".`;

const noAncestor = `Applying: lone
error: sha1 information is lacking or useless (lib/b.c).
error: could not build fake ancestor
Patch failed at 0001 lone`;

const missing = `Applying: edit
error: docs/x.txt: does not exist in index
error: patch failed: docs/y.txt:12
Patch failed at 0003 edit`;

describe("readAmFailure", () => {
  it("reads the patch number and the file of a 3-way conflict", () => {
    expect(readAmFailure(conflict)).toEqual({
      patch: 2,
      files: ["src/a.c"],
      alreadyApplied: false,
      empty: false,
    });
  });

  it("names the file when git could not build an ancestor", () => {
    expect(readAmFailure(noAncestor)).toMatchObject({ patch: 1, files: ["lib/b.c"] });
  });

  it("names every file git could not patch", () => {
    expect(readAmFailure(missing)).toMatchObject({ patch: 3, files: ["docs/x.txt", "docs/y.txt"] });
  });

  it("recognises a patch that is already applied, and an empty one", () => {
    expect(readAmFailure("Applying: x\nNo changes -- Patch already applied.\n").alreadyApplied).toBe(true);
    expect(readAmFailure("Patch is empty.\n").empty).toBe(true);
  });
});

describe("alreadyAppliedPatches", () => {
  it("names the patches git am skipped as already applied", () => {
    const output =
      "Applying: one\nApplying: two\nUsing index info to reconstruct a base tree...\nNo changes -- Patch already applied.\nApplying: three\n";
    expect(alreadyAppliedPatches(output)).toEqual([2]);
    expect(alreadyAppliedPatches("Applying: one\n")).toEqual([]);
  });
});
