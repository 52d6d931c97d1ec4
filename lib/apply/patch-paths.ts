import { unquotePath } from "../diff/unquote-path";

/**
 * The paths a patch touches, checked before git sees the patch. `git apply` refuses most
 * of these itself (apply.c, verify_path); refusing them here as well gives the author a
 * plain reason, and keeps a hostile patch from depending on git getting every case right.
 *
 * Refused: an absolute path (`/etc/passwd`, `a//etc/passwd`), a `..` or `.` component
 * (leaves the tree), and a `.git` component in any case (writes git's own files: hooks,
 * config). `/dev/null` is how a diff says "no file" and is fine.
 */
export type PathProblem = "absolute" | "outside-tree" | "git-directory";

export type PatchPathCheck =
  { ok: true } | { ok: false; path: string; problem: PathProblem; message: string };

const EXPLAIN: Record<PathProblem, string> = {
  absolute: "an absolute path",
  "outside-tree": "a path that leaves the tree (a `..` or `.` component)",
  "git-directory": "a path inside a `.git` directory",
};

function problemOf(path: string): PathProblem | null {
  if (path.startsWith("/")) return "absolute";
  for (const part of path.split("/")) {
    if (part === ".." || part === ".") return "outside-tree";
    if (part.toLowerCase() === ".git") return "git-directory";
  }
  return null;
}

/** A `---`/`+++` name: `a/<path>` with git's prefix (git am strips one component, -p1), or `/dev/null`. */
function checkPrefixed(name: string): { path: string; problem: PathProblem } | null {
  const path = unquotePath(name.split("\t")[0]!.trimEnd());
  if (path === "/dev/null") return null;
  if (path.startsWith("/")) return { path, problem: "absolute" };
  const slash = path.indexOf("/");
  const stripped = slash >= 0 ? path.slice(slash + 1) : path;
  const problem = problemOf(stripped);
  return problem ? { path, problem } : null;
}

/** A name without prefix (`rename from x`), or any word of a `diff --git` line. */
function checkBare(path: string): { path: string; problem: PathProblem } | null {
  const problem = problemOf(unquotePath(path));
  return problem ? { path, problem } : null;
}

/** `diff --git a/x b/y`: names may hold spaces, so every space-separated word is checked, prefix removed. */
function checkDiffGitLine(rest: string): { path: string; problem: PathProblem } | null {
  const quoted = [...rest.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => m[0]);
  const words = [...quoted, ...rest.replace(/"(?:[^"\\]|\\.)*"/g, " ").split(" ")].filter(Boolean);
  for (const word of words) {
    const found = checkPrefixed(word);
    if (found) return found;
  }
  return null;
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/**
 * Checks every file name in a diff (the text of one or more `diff --git` / `---` `+++`
 * sections). Hunk bodies are skipped by their line counts, so a removed line reading
 * `-- ../x` is content, not a name.
 */
export function checkPatchPaths(diff: string): PatchPathCheck {
  const lines = diff.split("\n");
  let oldLeft = 0;
  let newLeft = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, "");
    if (oldLeft > 0 || newLeft > 0) {
      // Inside a hunk, as git reads it (apply.c, parse_fragment): counted lines are content.
      const mark = line[0];
      if (mark === "\\") continue;
      if (mark === " " || line === "") {
        oldLeft--;
        newLeft--;
        continue;
      }
      if (mark === "-" && oldLeft > 0) {
        oldLeft--;
        continue;
      }
      if (mark === "+" && newLeft > 0) {
        newLeft--;
        continue;
      }
      // A hunk cut short (a corrupt patch): what follows is read as headers again.
      oldLeft = 0;
      newLeft = 0;
    }
    const hunk = HUNK.exec(line);
    let found: { path: string; problem: PathProblem } | null = null;
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      newLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
    } else if (line.startsWith("diff --git ")) found = checkDiffGitLine(line.slice("diff --git ".length));
    else if (line.startsWith("--- ") || line.startsWith("+++ ")) found = checkPrefixed(line.slice(4));
    else {
      const bare = /^(?:rename|copy) (?:from|to) (.*)$/.exec(line);
      if (bare) found = checkBare(bare[1]!);
    }
    if (found) {
      return {
        ok: false,
        path: found.path,
        problem: found.problem,
        message: `touches ${JSON.stringify(found.path)}: ${EXPLAIN[found.problem]}, refused before applying`,
      };
    }
  }
  return { ok: true };
}
