import type { SeriesPage } from "@/lib/views/series/series-page";

/** The patches at a glance, each linking to its place on the page. */
export function PatchIndex({ s }: { s: SeriesPage }) {
  return (
    <ol className="text-sm">
      {s.patches.map((p) => (
        <li key={p.index} className="flex gap-2 border-b border-zinc-100 py-0.5 dark:border-zinc-900">
          <span className="w-10 shrink-0 text-right text-zinc-500 tabular-nums dark:text-zinc-400">
            {p.index}/{s.total}
          </span>
          <a href={`#patch-${p.index}`} className="min-w-0 break-words hover:underline">
            {p.title || p.subject}
          </a>
          <span className="ml-auto shrink-0 text-xs tabular-nums">
            {p.reviewed ? <span className="mr-2 text-green-800 dark:text-green-300">reviewed</span> : null}
            <span className="text-green-700 dark:text-green-400">+{p.additions}</span>{" "}
            <span className="text-red-700 dark:text-red-400">−{p.deletions}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
