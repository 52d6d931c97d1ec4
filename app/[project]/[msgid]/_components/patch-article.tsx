import { DiffFiles, DiffStatList } from "@/app/_components/diff-files";
import { messageHref, seriesFileHref } from "@/lib/routes";
import type { SeriesPagePatch } from "@/lib/views/series/series-page";
import { exactTime } from "@/lib/ui/relative-time";
import type { PreparedFile } from "@/lib/ui/prepare-diffs";
import { reasonHere } from "@/lib/ui/series-labels";

import { TrailerList } from "./trailer-list";

/** One patch: subject, author, trailers, commit message, diffstat and diff. */
export function PatchArticle({
  patch,
  total,
  project,
  headMsgid,
  files,
}: {
  patch: SeriesPagePatch;
  total: number;
  project: string;
  headMsgid: string;
  files: PreparedFile[];
}) {
  const id = `patch-${patch.index}`;
  return (
    <article
      id={id}
      aria-labelledby={`${id}-title`}
      className="scroll-mt-2 space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800"
    >
      <header>
        <h3 id={`${id}-title`} className="font-semibold break-words">
          <span className="mr-1.5 text-zinc-500 tabular-nums dark:text-zinc-400">
            [{patch.index}/{total}]
          </span>
          {patch.title || patch.subject}
        </h3>
        <p className="flex flex-wrap gap-x-3 text-xs text-zinc-600 dark:text-zinc-400">
          <span title={patch.author.email}>{patch.author.name || patch.author.email}</span>
          {patch.date ? <time dateTime={patch.date.toISOString()}>{exactTime(patch.date)}</time> : null}
          <span className="tabular-nums">
            <span className="text-green-700 dark:text-green-400">+{patch.additions}</span>{" "}
            <span className="text-red-700 dark:text-red-400">−{patch.deletions}</span>
          </span>
          {patch.reviewed ? <span className="text-green-800 dark:text-green-300">reviewed</span> : null}
          <a href={messageHref(patch.msgid)} className="hover:underline">
            message
          </a>
          <span>{reasonHere(patch.reason, headMsgid) ?? patch.role}</span>
        </p>
      </header>
      <TrailerList trailers={patch.trailers} />
      {patch.commitMessage.trim() ? (
        <details open>
          <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">
            commit message
          </summary>
          <pre className="font-mono text-[0.8rem] leading-5 break-words whitespace-pre-wrap">
            {patch.commitMessage.trim()}
          </pre>
        </details>
      ) : null}
      <DiffStatList files={files} idPrefix={id} />
      <DiffFiles
        files={files}
        idPrefix={id}
        srcFor={(file) => seriesFileHref(project, headMsgid, patch.index, file)}
      />
    </article>
  );
}
