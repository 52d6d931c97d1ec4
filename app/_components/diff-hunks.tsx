import { memo } from "react";

import type { DiffHunkView } from "@/lib/diff/diff-view";
import { type DiffBlock, diffBlocks } from "@/lib/ui/diff-blocks";
import { diffLinesHtml } from "@/lib/ui/diff-html";

/*
 * Diff lines: old and new line numbers, the change mark, and the code as coloured text
 * tokens. Rendered on the server for the files of a page, and in the browser for a file
 * fetched when opened, so this file imports no server code. Lines are one HTML string a
 * block (lib/ui/diff-html.ts, which says why); their styles are in globals.css.
 */

/** One block of lines; memoised so that a file growing block by block renders each once. */
export const DiffBlockView = memo(function DiffBlockView({ block }: { block: DiffBlock }) {
  return (
    <>
      {block.header !== null ? <div className="h">{block.header}</div> : null}
      <div
        className="b"
        style={{ containIntrinsicSize: `auto ${block.lines.length * 20}px` }}
        // Escaped by diffLinesHtml: see lib/ui/diff-html.ts for why lines are a string.
        dangerouslySetInnerHTML={{ __html: diffLinesHtml(block.lines) }}
      />
    </>
  );
});

/** The frame that styles blocks of lines, scrolling sideways for long lines. */
export function DiffFrame({ children }: { children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <div className="diff-frame">{children}</div>
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
