import Link from "next/link";

import type { MessagePage } from "@/lib/db/messages/get-message-page";
import { projectHref, seriesHref, seriesMessageHref, seriesPatchHref } from "@/lib/routes";
import { exactTime } from "@/lib/ui/relative-time";

const roleWords: Record<string, string> = {
  cover: "cover letter",
  patch: "patch",
  reply: "reply",
  not_a_patch: "not a patch",
  duplicate: "duplicate",
  unrouted: "unrouted",
};

/** What Patchwatch made of the message, and why (`patchwatch why` on the web). */
export function MessageWhy({ page }: { page: MessagePage }) {
  const m = page.message;
  return (
    <section
      aria-labelledby="why-heading"
      className="space-y-1 rounded border border-zinc-200 p-2 text-sm dark:border-zinc-800"
    >
      <h2 id="why-heading" className="font-semibold">
        What Patchwatch made of it
      </h2>
      <ul className="space-y-1">
        {m ? (
          <li>
            parsed as <strong>{m.kind}</strong>: {m.kindReason}
          </li>
        ) : null}
        {page.projects.map((p) => (
          <li key={p.project}>
            <Link href={projectHref(p.project)} className="font-medium hover:underline">
              {p.project}
            </Link>{" "}
            <span className="text-zinc-600 dark:text-zinc-400">(routed by {p.routedBy})</span>:{" "}
            <strong>{p.role ? (roleWords[p.role] ?? p.role) : "not assembled yet"}</strong>
            {p.reason ? <span className="break-words"> — {p.reason}</span> : null}
            {p.series ? (
              <>
                {" "}
                ·{" "}
                <Link
                  href={
                    p.patchIndex
                      ? seriesPatchHref(p.project, p.series.headMsgid, p.patchIndex)
                      : p.role === "reply"
                        ? seriesMessageHref(p.project, p.series.headMsgid, page.msgid)
                        : seriesHref(p.project, p.series.headMsgid)
                  }
                  className="text-sky-700 hover:underline dark:text-sky-400"
                >
                  {p.patchIndex ? `patch ${p.patchIndex}/${p.series.total} of ` : "series "}
                  {p.series.title} v{p.series.version}
                </Link>
              </>
            ) : null}
          </li>
        ))}
        {m && page.projects.length === 0 ? <li>{m.unroutedReason ?? "not routed to any project"}</li> : null}
        {m?.trailers.length ? (
          <li>
            trailers outside quoted text:
            <ul className="pl-4 font-mono text-xs">
              {m.trailers.map((t, i) => (
                <li key={i} className="break-all">
                  {t.line}
                </li>
              ))}
            </ul>
          </li>
        ) : null}
        {m?.warnings.map((w, i) => (
          <li key={i} className="text-amber-800 dark:text-amber-300">
            warning: {w}
          </li>
        ))}
        {page.raws.map((r) => (
          <li
            key={r.id}
            className={
              r.state === "failed" ? "text-red-800 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"
            }
          >
            raw copy #{r.id}, {r.size.toLocaleString("en")} bytes, received {exactTime(r.receivedAt)}:{" "}
            <strong>{r.state}</strong>
            {r.error ? (
              <>
                {" "}
                ({r.error}
                {r.errorDetail ? `: ${r.errorDetail}` : ""})
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
