import Link from "next/link";

import type { InterdiffHunk, InterdiffPair } from "@/lib/diff/interdiff";
import { messageHref } from "@/lib/routes";

const statusLook: Record<InterdiffPair["status"], string> = {
  unchanged: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  changed: "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-200",
  added: "bg-green-100 text-green-900 dark:bg-green-900/50 dark:text-green-200",
  removed: "bg-red-100 text-red-900 dark:bg-red-900/50 dark:text-red-200",
};

const lineLook = {
  "+": "bg-green-50 dark:bg-green-950/50",
  "-": "bg-red-50 dark:bg-red-950/50",
  " ": "",
} as const;

/** A diff of diffs: the outer mark (between versions) in its own column, then the patch line. */
function Hunks({ hunks }: { hunks: InterdiffHunk[] }) {
  return (
    <div className="overflow-x-auto rounded border border-zinc-200 dark:border-zinc-800">
      <pre className="w-max min-w-full font-mono text-xs leading-5">
        {hunks.map((h, i) => (
          <div key={i} className="border-b border-zinc-200 last:border-b-0 dark:border-zinc-800">
            {h.lines.map((l, j) => (
              <div key={j} className={`px-1.5 ${lineLook[l.op]}`}>
                <span className="select-none text-zinc-500 dark:text-zinc-400">{l.op} </span>
                {l.text}
              </div>
            ))}
          </div>
        ))}
      </pre>
    </div>
  );
}

const patchLink = (p: { index: number; msgid: string }, version: number) => (
  <Link href={messageHref(p.msgid)} className="text-sky-700 hover:underline dark:text-sky-400">
    v{version} {p.index}
  </Link>
);

export function InterdiffPairView({
  pair,
  olderVersion,
  newerVersion,
}: {
  pair: InterdiffPair;
  olderVersion: number;
  newerVersion: number;
}) {
  const title = pair.newer?.title ?? pair.older?.title ?? "";
  return (
    <li className="space-y-1.5 border-t border-zinc-200 pt-2 dark:border-zinc-800">
      <h2 className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className={`rounded px-1.5 text-xs font-medium ${statusLook[pair.status]}`}>{pair.status}</span>
        <span className="font-semibold break-words">{title}</span>
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          {pair.older ? patchLink(pair.older, olderVersion) : "—"} →{" "}
          {pair.newer ? patchLink(pair.newer, newerVersion) : "—"}
          {pair.matchedBy === "position" ? " (paired by position: the subject changed)" : ""}
          {pair.unchangedFiles
            ? ` · ${pair.unchangedFiles} file${pair.unchangedFiles === 1 ? "" : "s"} unchanged`
            : ""}
        </span>
      </h2>
      {pair.status === "unchanged" ? null : (
        <>
          {pair.message.length ? (
            <details open={pair.status === "changed"}>
              <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">
                commit message
              </summary>
              <Hunks hunks={pair.message} />
            </details>
          ) : null}
          {pair.files.map((f) => (
            <details key={f.path} open={pair.status === "changed"}>
              <summary className="cursor-pointer font-mono text-xs break-all">
                {f.path}{" "}
                <span className="font-sans text-zinc-600 dark:text-zinc-400">
                  (
                  {f.status === "changed"
                    ? "changed"
                    : `only in v${f.status === "added" ? newerVersion : olderVersion}`}
                  )
                </span>
              </summary>
              {f.tooDifferent ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  Rewritten: the two versions differ too much to compare line by line.
                </p>
              ) : (
                <Hunks hunks={f.hunks} />
              )}
            </details>
          ))}
        </>
      )}
    </li>
  );
}
