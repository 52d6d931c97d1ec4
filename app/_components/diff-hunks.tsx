import { memo } from "react";

import type { DiffHunkView, DiffLineView } from "@/lib/diff/diff-view";
import type { Token } from "@/lib/diff/highlight";
import { type DiffBlock, diffBlocks } from "@/lib/ui/diff-blocks";

/*
 * Diff lines: old and new line numbers, the change mark, and the code as coloured text
 * tokens. Rendered on the server for the files of a page, and in the browser for a file
 * fetched when opened, so this file imports no server code.
 *
 * A big diff is thousands of lines, and every byte of a line is sent twice (HTML and the
 * React payload), so lines and tokens carry one-letter classes and the frame holds their
 * styles once. Lines come in blocks (lib/ui/diff-blocks.ts) that the browser skips while
 * off screen: content-visibility works on boxes, not on table rows, hence no table.
 */

const tokenClass: Record<string, string> = {
  keyword: "k",
  built_in: "t",
  type: "t",
  string: "s",
  regexp: "s",
  number: "n",
  literal: "n",
  symbol: "n",
  comment: "c",
  doctag: "c",
  meta: "m",
  title: "f",
  section: "f",
  variable: "v",
  attr: "v",
  attribute: "v",
  name: "v",
};

const frameClass = [
  "w-max min-w-full font-mono text-xs leading-5",
  // blocks: skipped while off screen, 20px a line meanwhile
  "[&_.b]:[content-visibility:auto]",
  // lines: two line numbers, the mark, the code
  "[&_.b>div]:grid [&_.b>div]:grid-cols-[5ch_5ch_2ch_1fr] [&_.b>div>span]:whitespace-pre",
  "[&_.b>div>span:nth-child(-n+3)]:select-none [&_.b>div>span:nth-child(-n+3)]:text-zinc-500 dark:[&_.b>div>span:nth-child(-n+3)]:text-zinc-400",
  "[&_.b>div>span:nth-child(-n+2)]:pr-1 [&_.b>div>span:nth-child(-n+2)]:text-right [&_.b>div>span:nth-child(-n+2)]:tabular-nums",
  "[&_.b>div>span:nth-child(4)]:pr-2",
  // kinds: added, deleted, note; hunk headers
  "[&_.a]:bg-green-50 dark:[&_.a]:bg-green-950/50 [&_.d]:bg-red-50 dark:[&_.d]:bg-red-950/50 [&_.x]:italic [&_.x]:text-zinc-500",
  "[&_.h]:bg-sky-50 [&_.h]:px-2 [&_.h]:whitespace-pre [&_.h]:text-sky-900 dark:[&_.h]:bg-sky-950/60 dark:[&_.h]:text-sky-200",
  // tokens
  "[&_.k]:text-violet-700 dark:[&_.k]:text-violet-300 [&_.t]:text-sky-700 dark:[&_.t]:text-sky-300",
  "[&_.s]:text-green-800 dark:[&_.s]:text-green-300 [&_.n]:text-amber-700 dark:[&_.n]:text-amber-300",
  "[&_.c]:text-zinc-500 [&_.c]:italic dark:[&_.c]:text-zinc-400 [&_.m]:text-orange-700 dark:[&_.m]:text-orange-300",
  "[&_.f]:text-blue-700 dark:[&_.f]:text-blue-300 [&_.v]:text-teal-700 dark:[&_.v]:text-teal-300",
].join(" ");

const lineClass: Record<DiffLineView["kind"], string | undefined> = {
  add: "a",
  del: "d",
  ctx: undefined,
  note: "x",
};
const mark: Record<DiffLineView["kind"], string> = { add: "+", del: "-", ctx: " ", note: "" };

function code(tokens: Token[]) {
  return tokens.map(([scope, text], i) => {
    const c = tokenClass[scope];
    return c ? (
      <span key={i} className={c}>
        {text}
      </span>
    ) : (
      text
    );
  });
}

/** One block of lines; memoised so that a file growing block by block renders each once. */
export const DiffBlockView = memo(function DiffBlockView({ block }: { block: DiffBlock }) {
  return (
    <>
      {block.header !== null ? <div className="h">{block.header}</div> : null}
      <div className="b" style={{ containIntrinsicSize: `auto ${block.lines.length * 20}px` }}>
        {block.lines.map((line, i) => (
          <div key={i} className={lineClass[line.kind]}>
            <span>{line.old}</span>
            <span>{line.new}</span>
            <span>{mark[line.kind]}</span>
            <span>{code(line.tokens)}</span>
          </div>
        ))}
      </div>
    </>
  );
});

/** The frame that styles blocks of lines, scrolling sideways for long lines. */
export function DiffFrame({ children }: { children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <div className={frameClass}>{children}</div>
    </div>
  );
}

export function DiffHunks({ hunks }: { hunks: DiffHunkView[] }) {
  return (
    <DiffFrame>
      {diffBlocks(hunks).map((block, i) => (
        <DiffBlockView key={i} block={block} />
      ))}
    </DiffFrame>
  );
}
