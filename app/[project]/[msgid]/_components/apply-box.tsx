import Link from "next/link";

import { CopyCommand } from "@/app/_components/copy-command";
import { messageHref, seriesHref, seriesMboxHref, seriesMboxUrl } from "@/lib/routes";
import type { SeriesPage } from "@/lib/views/series/series-page";

import { ApplyResult } from "./apply-result";

/**
 * How to get the series into a tree: the mbox with collected trailers and a command for
 * it, and the applier's result with the command that fetches the applied commits.
 */
export function ApplyBox({ s, origin }: { s: SeriesPage; origin: string }) {
  return (
    <section
      aria-labelledby="apply-heading"
      className="space-y-1.5 rounded border border-zinc-200 p-2 text-sm dark:border-zinc-800"
    >
      <h2 id="apply-heading" className="font-semibold">
        How to apply
      </h2>
      <p>
        <a
          href={seriesMboxHref(s.project, s.headMsgid)}
          className="text-sky-700 hover:underline dark:text-sky-400"
        >
          Download the mbox
        </a>{" "}
        <span className="text-zinc-600 dark:text-zinc-400">
          (patches with their collected trailers), or run:
        </span>
      </p>
      <CopyCommand
        command={`curl -s ${seriesMboxUrl(origin, s.project, s.headMsgid)} | git am -3 --patch-format=mboxrd`}
        label="Command that applies the series"
      />
      {s.baseCommit ? (
        <p className="text-zinc-700 dark:text-zinc-300">
          base commit <code className="font-mono text-xs break-all">{s.baseCommit}</code>
        </p>
      ) : null}
      {s.basedOn.length ? (
        <p className="text-zinc-700 dark:text-zinc-300">
          based on{" "}
          {s.basedOn.map((b, i) => (
            <span key={b.msgid}>
              {i > 0 ? ", " : null}
              {b.series ? (
                <Link
                  href={seriesHref(s.project, b.series.headMsgid)}
                  className="text-sky-700 hover:underline dark:text-sky-400"
                >
                  {b.series.title} (v{b.series.version})
                </Link>
              ) : (
                <Link
                  href={messageHref(b.msgid)}
                  className="break-all text-sky-700 hover:underline dark:text-sky-400"
                >
                  {b.msgid}
                </Link>
              )}
            </span>
          ))}
        </p>
      ) : null}
      {s.apply ? <ApplyResult apply={s.apply} patches={s.patches} origin={origin} /> : null}
    </section>
  );
}
