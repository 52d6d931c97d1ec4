/**
 * A base tree for a series whose real base is not at hand (the LTP tree is not in the
 * repository): every file a patch changes, rebuilt from what its diff says the file
 * held before: the context and removed lines of each hunk at their line numbers, unique
 * filler lines between them. `git apply` checks exactly those lines, so the series
 * applies as it would to the real tree. Files a patch creates are left out; a file it
 * deletes is whole in its diff. Each file must be changed by one patch only.
 */
export function preimageTree(patchTexts: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const text of patchTexts) {
    for (const section of text.split(/^(?=diff --git )/m).slice(1)) {
      const path = /^diff --git a\/(\S+) b\//.exec(section)?.[1];
      if (!path || /^new file mode /m.test(section)) continue;
      if (files.has(path)) throw new Error(`${path} is changed by two patches: no preimage can be built`);
      files.set(path, preimage(section));
    }
  }
  return files;
}

function preimage(section: string): string {
  const lines: string[] = [];
  let fillers = 0;
  let noFinalNewline = false;
  let trailing = 0;
  for (const hunk of section.split(/^(?=@@ )/m).slice(1)) {
    const [header = "", ...body] = hunk.split("\n");
    const counts = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(header);
    if (!counts) throw new Error(`not a hunk header: ${header}`);
    while (lines.length < Number(counts[1]) - 1) lines.push(`/* filler ${++fillers} */`);
    // The header's counts say where the hunk ends (after it: git's `-- ` signature, the list's footer).
    let oldLeft = Number(counts[2] ?? "1");
    let newLeft = Number(counts[3] ?? "1");
    trailing = 0;
    for (let i = 0; i < body.length && (oldLeft > 0 || newLeft > 0); i++) {
      const line = body[i]!;
      if (line.startsWith("\\")) continue;
      const kind = line[0] ?? " ";
      if (kind === " " || kind === "-") {
        lines.push(line.slice(1));
        oldLeft--;
        if (body[i + 1]?.startsWith("\\ No newline")) noFinalNewline = true;
      }
      if (kind === " " || kind === "+") newLeft--;
      trailing = kind === " " ? trailing + 1 : 0;
    }
  }
  // A hunk that ends without context must end the file (git apply's match_end).
  if (trailing > 0 && !noFinalNewline) for (let i = 0; i < 3; i++) lines.push(`/* filler ${++fillers} */`);
  return lines.join("\n") + (noFinalNewline ? "" : "\n");
}
