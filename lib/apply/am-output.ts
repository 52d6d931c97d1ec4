/**
 * What `git am` said about a failure, read from its output (git 2.x, LC_ALL=C). The
 * unmerged paths git leaves in the index after a 3-way merge are the better source of
 * conflicting files; these lines name the files when the patch failed before any merge
 * (no blob ids to build an ancestor from, a file that is not there).
 */
const FILE_LINES: RegExp[] = [
  /^CONFLICT \([^)]*\): Merge conflict in (.+)$/,
  /^CONFLICT \((?:modify|rename)\/delete\): (.+?) deleted in /,
  /^error: patch failed: (.+):\d+$/,
  /^error: (.+): (?:patch does not apply|does not exist in index|already exists in index|already exists in working directory|does not match index|No such file or directory)$/,
  /^error: sha1 information is lacking or useless \((.+)\)\.$/,
];

export interface AmFailure {
  /** 1-based index of the patch git stopped at, from `Patch failed at 0003 …`. */
  patch: number | null;
  files: string[];
  /** The patch's change is already in the tree (`No changes -- Patch already applied.`). */
  alreadyApplied: boolean;
  /** The patch mail holds no diff git can apply. */
  empty: boolean;
}

export function readAmFailure(output: string): AmFailure {
  const files = new Set<string>();
  let patch: number | null = null;
  for (const raw of output.split("\n")) {
    const line = raw.replace(/\r$/, "");
    const failedAt = /^Patch failed at (\d+) /.exec(line);
    if (failedAt) patch = Number(failedAt[1]);
    for (const pattern of FILE_LINES) {
      const m = pattern.exec(line);
      if (m) files.add(m[1]!);
    }
  }
  return {
    patch,
    files: [...files],
    alreadyApplied: /^No changes -- Patch already applied\.$/m.test(output),
    empty: /^Patch is empty\.?/m.test(output),
  };
}

/**
 * Patches `git am --3way` skipped because their change is already in the tree: git says
 * "No changes -- Patch already applied." after that patch's "Applying:" line and goes on
 * (am.c), so the series "applies" with fewer commits than patches. 1-based indexes.
 */
export function alreadyAppliedPatches(output: string): number[] {
  const skipped: number[] = [];
  let current = 0;
  for (const line of output.split("\n")) {
    if (line.startsWith("Applying: ")) current++;
    else if (line.replace(/\r$/, "") === "No changes -- Patch already applied.") skipped.push(current);
  }
  return skipped;
}
