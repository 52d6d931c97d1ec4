import type { DiffFileSummary } from "@/lib/diff/diff-view";
import { AUTO_LOAD_FILE_LINES } from "@/lib/ui/diff-budget";
import type { PreparedFile } from "@/lib/ui/prepare-diffs";

import { DiffHunks } from "./diff-hunks";
import { LazyDiffFile } from "./lazy-diff-file";

const statusWord: Record<string, string> = {
  added: "new file",
  deleted: "deleted",
  renamed: "renamed",
  copied: "copied",
  mode: "mode change",
};

function FileSummary({ file, lazy, autoLoad }: { file: DiffFileSummary; lazy: boolean; autoLoad?: boolean }) {
  const c = file.change;
  const from = c && (c.status === "renamed" || c.status === "copied") ? c.oldPath : null;
  return (
    <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-2 bg-zinc-50 px-2 py-1 font-mono text-xs hover:bg-zinc-100 dark:bg-zinc-900 dark:hover:bg-zinc-800">
      <span className="min-w-0 font-semibold break-all">
        {from ? <>{from} → </> : null}
        {file.path}
      </span>
      {c && statusWord[c.status] ? (
        <span className="text-zinc-600 dark:text-zinc-400">{statusWord[c.status]}</span>
      ) : null}
      {c?.binary ? <span className="text-zinc-600 dark:text-zinc-400">binary</span> : null}
      <span className="ml-auto tabular-nums">
        <span className="text-green-700 dark:text-green-400">+{c?.additions ?? 0}</span>{" "}
        <span className="text-red-700 dark:text-red-400">−{c?.deletions ?? 0}</span>
      </span>
      {lazy && !c?.binary ? (
        <span className="w-full font-sans text-zinc-600 group-open:hidden dark:text-zinc-400">
          {file.lines.toLocaleString("en")} lines, not shown with the page:{" "}
          {autoLoad ? "they load as you scroll here, or open to load" : "open to load"}
        </span>
      ) : null}
    </summary>
  );
}

/** The files of one diff: rendered ones open, the others closed and loaded from `srcFor(index)` when opened. */
export function DiffFiles({
  files,
  idPrefix,
  srcFor,
}: {
  files: PreparedFile[];
  idPrefix: string;
  srcFor: (fileIndex: number) => string;
}) {
  return (
    <div className="space-y-2">
      {files.map((f) => (
        <div key={f.summary.index} id={`${idPrefix}-f${f.summary.index}`} className="scroll-mt-2">
          {f.hunks || f.summary.change?.binary ? (
            <details open className="rounded border border-zinc-200 dark:border-zinc-800">
              <FileSummary file={f.summary} lazy={false} />
              {f.header.length ? (
                <pre className="px-2 py-1 text-xs whitespace-pre-wrap text-zinc-600 dark:text-zinc-400">
                  {f.header.join("\n")}
                </pre>
              ) : null}
              {f.hunks ? <DiffHunks hunks={f.hunks} /> : null}
            </details>
          ) : (
            <LazyDiffFile
              src={srcFor(f.summary.index)}
              lines={f.summary.lines}
              autoLoad={f.summary.lines <= AUTO_LOAD_FILE_LINES}
              summary={
                <FileSummary file={f.summary} lazy autoLoad={f.summary.lines <= AUTO_LOAD_FILE_LINES} />
              }
            />
          )}
        </div>
      ))}
    </div>
  );
}

/** `git diff --stat` as a list: each file links to its place below. */
export function DiffStatList({ files, idPrefix }: { files: PreparedFile[]; idPrefix: string }) {
  if (files.length === 0) return null;
  return (
    <ul className="font-mono text-xs">
      {files.map((f) => (
        <li key={f.summary.index} className="flex gap-2">
          <a href={`#${idPrefix}-f${f.summary.index}`} className="min-w-0 break-all hover:underline">
            {f.summary.path}
          </a>
          <span className="ml-auto shrink-0 tabular-nums">
            <span className="text-green-700 dark:text-green-400">+{f.summary.change?.additions ?? 0}</span>{" "}
            <span className="text-red-700 dark:text-red-400">−{f.summary.change?.deletions ?? 0}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
