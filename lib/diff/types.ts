/** What a unified diff changes, file by file, as `git diff --stat` counts it. */
export interface FileChange {
  /** Path before the change (`/dev/null` side given as null). */
  oldPath: string | null;
  newPath: string | null;
  status: "modified" | "added" | "deleted" | "renamed" | "copied" | "mode";
  additions: number;
  deletions: number;
  binary: boolean;
  /** `similarity index` of a rename or copy, in percent (git's `rename … (99%)` summary). */
  similarity?: number;
  /** `dissimilarity index` of a rewrite, in percent. */
  dissimilarity?: number;
  /** File modes from `old mode`/`new mode`, `new file mode`, `deleted file mode` (`100644`). */
  oldMode?: string;
  newMode?: string;
  /** Sizes in bytes of a binary file before and after, when the `GIT binary patch` tells them. */
  oldSize?: number;
  newSize?: number;
}

export interface DiffStat {
  files: FileChange[];
  additions: number;
  deletions: number;
}
