/*
 * Cut a diff into one section per file. A section starts at `diff --git` (git), at a CVS
 * `Index:` line, at another `diff …` command line, or, in a bare unified diff without
 * such lines (patchew 0033), at a `---`/`+++` pair once the current section has had its
 * own. Hunk line counts (`@@ -a,b +c,d @@`) are followed, so a removed line reading
 * `-- x` next to an added `++ y` inside a hunk never starts a file.
 */

const HUNK = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

interface OpenSection {
  lines: string[];
  start: string;
  hasFileHeader: boolean;
}

export function fileSections(diff: string): string[][] {
  const lines = diff.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const sections: OpenSection[] = [];
  let current: OpenSection | null = null;
  let oldLeft = 0;
  let newLeft = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (current !== null && (oldLeft > 0 || newLeft > 0)) {
      const c = line[0];
      if (c === " " || line === "") [oldLeft, newLeft] = [oldLeft - 1, newLeft - 1];
      else if (c === "-") oldLeft--;
      else if (c === "+") newLeft--;
      current.lines.push(line);
      continue;
    }
    const hunk = HUNK.exec(line);
    if (hunk && current !== null) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      newLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
      current.lines.push(line);
      continue;
    }
    const headerPair = line.startsWith("--- ") && (lines[i + 1] ?? "").startsWith("+++ ");
    let starts: boolean;
    if (current === null || line.startsWith("diff --git ") || line.startsWith("Index: ")) starts = true;
    // CVS writes `Index:`, `====`, `RCS file:`, then `diff -u …` for the same file.
    else if (line.startsWith("diff "))
      starts = !(current.start.startsWith("Index: ") && !current.hasFileHeader);
    else starts = headerPair && current.hasFileHeader;

    if (starts) {
      current = { lines: [line], start: line, hasFileHeader: headerPair };
      sections.push(current);
    } else {
      current!.lines.push(line);
      if (headerPair) current!.hasFileHeader = true;
    }
  }
  return sections.map((section) => section.lines);
}
