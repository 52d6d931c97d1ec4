import { MailText } from "@/app/_components/mail-text";
import { messageHref } from "@/lib/routes";
import type { SeriesPage } from "@/lib/views/series/series-page";
import { exactTime } from "@/lib/ui/relative-time";

/** The cover letter: who wrote it, when, and what it says. */
export function CoverLetter({ cover }: { cover: NonNullable<SeriesPage["cover"]> }) {
  return (
    <section id="cover" aria-labelledby="cover-heading" className="scroll-mt-2 space-y-1">
      <h2 id="cover-heading" className="text-lg font-semibold">
        Cover letter
      </h2>
      <p className="flex flex-wrap gap-x-3 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="break-words">{cover.subject}</span>
        <span title={cover.author.email}>{cover.author.name || cover.author.email}</span>
        {cover.date ? <time dateTime={cover.date.toISOString()}>{exactTime(cover.date)}</time> : null}
        <a href={messageHref(cover.msgid)} className="hover:underline">
          message
        </a>
      </p>
      <MailText body={cover.body} />
    </section>
  );
}
