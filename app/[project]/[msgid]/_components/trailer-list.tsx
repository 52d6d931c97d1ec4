import { messageHref } from "@/lib/routes";
import type { SeriesPageTrailer } from "@/lib/views/series/series-page";
import { trailerOrigin } from "@/lib/ui/series-labels";

/** The trailers collected for a patch: who, where each came from, and a flag when the sender is someone else. */
export function TrailerList({ trailers }: { trailers: SeriesPageTrailer[] }) {
  if (trailers.length === 0) return null;
  return (
    <ul aria-label="Trailers" className="space-y-0.5 text-sm">
      {trailers.map((t, i) => (
        <li key={i} className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-mono text-xs break-all">
            <span
              className={
                /^(reviewed|acked)-by$/i.test(t.kind)
                  ? "font-semibold text-green-800 dark:text-green-300"
                  : ""
              }
            >
              {t.kind}:
            </span>{" "}
            {t.name}
            {t.email ? <> &lt;{t.email}&gt;</> : null}
          </span>
          <a
            href={messageHref(t.fromMsgid)}
            className="text-xs text-zinc-600 hover:underline dark:text-zinc-400"
          >
            {trailerOrigin(t.origin, t.carriedFromVersion)}
          </a>
          {t.senderMismatch ? (
            <span
              className="rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900/50 dark:text-amber-200"
              title={`Sent by ${t.fromName}, who is not the person named`}
            >
              sent by {t.fromName || "someone else"}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
