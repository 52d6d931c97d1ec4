import type { SeriesRevision } from "@/lib/db/series/load-revisions";
import { interdiffHref, seriesHref } from "@/lib/routes";
import { versionWindow } from "@/lib/ui/version-window";

const reasonWords: Record<string, string> = {
  "same-author-and-subject": "same author and subject",
  supersedes: "Supersedes: hint",
  "previous-version-link": "link to the previous version",
  "reply-to-previous": "sent as a reply to it",
  "change-id": "same b4 change-id",
};

/** Why a version follows the one before it (the nearest older version it is linked to); the full record on hover. */
function PreviousLink({
  links,
  byHead,
}: {
  links: SeriesRevision["links"];
  byHead: Map<string, SeriesRevision>;
}) {
  const version = (l: SeriesRevision["links"][number]) => byHead.get(l.olderMsgid)?.version ?? 0;
  const nearest = links.reduce<SeriesRevision["links"][number] | null>(
    (best, l) => (best === null || version(l) > version(best) ? l : best),
    null,
  );
  if (!nearest) return null;
  return (
    <span className="text-xs text-zinc-500 dark:text-zinc-400" title={nearest.detail}>
      follows v{version(nearest) || "?"}: {reasonWords[nearest.reason] ?? nearest.reason}
    </span>
  );
}

/** The versions of the topic around this one, the current one marked, each with an interdiff against it. */
export function VersionHistory({
  project,
  headMsgid,
  revisions,
}: {
  project: string;
  headMsgid: string;
  revisions: SeriesRevision[];
}) {
  if (revisions.length < 2) return null;
  const byHead = new Map(revisions.map((r) => [r.headMsgid, r]));
  const [from, to] = versionWindow(
    revisions.length,
    revisions.findIndex((r) => r.current),
  );
  const more = (n: number, which: string) =>
    n > 0 ? (
      <li className="text-zinc-600 dark:text-zinc-400">
        … {n} {which} {n === 1 ? "version" : "versions"} of this topic
      </li>
    ) : null;
  return (
    <section aria-labelledby="versions-heading" className="text-sm">
      <h2 id="versions-heading" className="mb-1 font-semibold">
        Versions
      </h2>
      <ol className="space-y-0.5">
        {more(from, "older")}
        {revisions.slice(from, to).map((r) => (
          <li key={r.headMsgid} className="flex flex-wrap items-baseline gap-x-2">
            {r.current ? (
              <span aria-current="page" className="font-semibold">
                v{r.version} (this one)
              </span>
            ) : (
              <a
                href={seriesHref(project, r.headMsgid)}
                className="text-sky-700 hover:underline dark:text-sky-400"
              >
                v{r.version}
              </a>
            )}
            <span className="text-zinc-600 dark:text-zinc-400">
              {r.date ? r.date.toISOString().slice(0, 10) : "no date"} · {r.received}/{r.total}
              {r.obsolete ? " · obsolete" : ""}
            </span>
            {r.current ? null : (
              <a
                href={interdiffHref(project, headMsgid, r.headMsgid)}
                className="text-sky-700 hover:underline dark:text-sky-400"
              >
                interdiff
              </a>
            )}
            <PreviousLink links={r.links} byHead={byHead} />
          </li>
        ))}
        {more(revisions.length - to, "newer")}
      </ol>
    </section>
  );
}
