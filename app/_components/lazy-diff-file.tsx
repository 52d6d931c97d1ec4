"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

import type { DiffHunkView } from "@/lib/diff/diff-view";
import { type DiffBlock, diffBlocks } from "@/lib/ui/diff-blocks";

import { DiffBlockView, DiffFrame } from "./diff-hunks";

type State =
  { at: "idle" } | { at: "loading" } | { at: "done"; blocks: DiffBlock[] } | { at: "failed"; why: string };

/** Blocks added per step: each step is a short task, so the page answers while a big file fills in. */
const BLOCKS_PER_STEP = 3;

/** How near the viewport a file that loads by itself starts loading. */
const AUTO_LOAD_MARGIN = "800px 0px";

/**
 * A file of a diff that the page did not render: closed, and its hunks fetched as JSON
 * (tokens, never HTML) the first time it is opened, then shown a few blocks at a time.
 * With `autoLoad` it opens by itself, once, when scrolled near, so that reading a
 * series straight through needs no clicks; a huge file waits to be opened.
 */
export function LazyDiffFile({
  src,
  summary,
  lines,
  autoLoad,
}: {
  src: string;
  summary: ReactNode;
  lines: number;
  autoLoad: boolean;
}) {
  const [state, setState] = useState<State>({ at: "idle" });
  const [shown, setShown] = useState(BLOCKS_PER_STEP);
  const total = state.at === "done" ? state.blocks.length : 0;
  const details = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const element = details.current;
    if (!autoLoad || !element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        // Opening fires the toggle event, which loads it.
        element.open = true;
      },
      { rootMargin: AUTO_LOAD_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [autoLoad]);

  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => setShown((n) => n + BLOCKS_PER_STEP), 0);
    return () => clearTimeout(timer);
  }, [shown, total]);

  async function load() {
    setState({ at: "loading" });
    try {
      const response = await fetch(src, { headers: { accept: "application/json" } });
      if (!response.ok)
        throw new Error(response.status === 404 ? "the file is gone" : `error ${response.status}`);
      const body = (await response.json()) as { hunks: DiffHunkView[] };
      setShown(BLOCKS_PER_STEP);
      setState({ at: "done", blocks: diffBlocks(body.hunks) });
    } catch (error) {
      setState({ at: "failed", why: error instanceof Error ? error.message : "network error" });
    }
  }

  return (
    <details
      ref={details}
      className="group rounded border border-zinc-200 dark:border-zinc-800"
      onToggle={(e) => {
        if (e.currentTarget.open && (state.at === "idle" || state.at === "failed")) void load();
      }}
    >
      {summary}
      {state.at === "done" ? (
        <DiffFrame>
          {state.blocks.slice(0, shown).map((block, i) => (
            <DiffBlockView key={i} block={block} />
          ))}
        </DiffFrame>
      ) : null}
      {state.at === "loading" || (state.at === "done" && shown < total) ? (
        <p role="status" className="px-2 py-1 text-sm text-zinc-600 dark:text-zinc-400">
          Loading {lines.toLocaleString("en")} lines…
        </p>
      ) : null}
      {state.at === "failed" ? (
        <p role="alert" className="px-2 py-1 text-sm text-red-700 dark:text-red-300">
          Could not load this file ({state.why}). Close and open it to try again.
        </p>
      ) : null}
    </details>
  );
}
