"use client";

import { useRef, useState } from "react";

/**
 * A shell command to copy: selectable text, and a button that puts it on the clipboard
 * (the Clipboard API needs a secure context; elsewhere the text is selected for Ctrl-C).
 */
export function CopyCommand({ command, label }: { command: string; label: string }) {
  const [said, setSaid] = useState("");
  const input = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(command);
      setSaid("Copied");
    } catch {
      input.current?.select();
      setSaid("Selected: press Ctrl-C to copy");
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        ref={input}
        readOnly
        value={command}
        aria-label={label}
        onFocus={(e) => e.currentTarget.select()}
        className="min-w-0 flex-1 rounded border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="button"
        onClick={() => void copy()}
        className="rounded border border-zinc-300 px-2 py-1 text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Copy
      </button>
      <span role="status" className="text-xs text-zinc-600 dark:text-zinc-400">
        {said}
      </span>
    </div>
  );
}
