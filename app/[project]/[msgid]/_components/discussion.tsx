import { MailText } from "@/app/_components/mail-text";
import { messageHref } from "@/lib/routes";
import type { SeriesPage, SeriesPageMessage } from "@/lib/views/series/series-page";
import { exactTime } from "@/lib/ui/relative-time";
import { reasonHere } from "@/lib/ui/series-labels";

const MAX_INDENT = 5;

function topicKey(about: SeriesPageMessage["about"]): string {
  return about === null ? "other" : about.kind === "cover" ? "cover" : `patch-${about.index}`;
}

/** The replies, grouped by the cover letter or patch they discuss, each in thread order. */
export function Discussion({ s }: { s: SeriesPage }) {
  if (s.thread.length === 0) return null;
  const groups = new Map<string, SeriesPageMessage[]>();
  for (const m of s.thread) groups.set(topicKey(m.about), [...(groups.get(topicKey(m.about)) ?? []), m]);
  const heading = (key: string) => {
    if (key === "cover") return <>On the cover letter</>;
    if (key === "other") return <>Elsewhere in the thread</>;
    const p = s.patches.find((x) => `patch-${x.index}` === key);
    return (
      <>
        On{" "}
        <a href={`#${key}`} className="hover:underline">
          patch {key.slice(6)}/{s.total}
        </a>
        {p ? <span className="font-normal">: {p.title}</span> : null}
      </>
    );
  };
  return (
    <section aria-labelledby="discussion-heading" className="space-y-3">
      <h2 id="discussion-heading" className="text-lg font-semibold">
        Discussion ({s.thread.length})
      </h2>
      {[...groups].map(([key, messages]) => (
        <section key={key} aria-label={key} className="space-y-2">
          <h3 className="text-sm font-semibold break-words">{heading(key)}</h3>
          {messages.map((m) => (
            <article
              key={m.msgid}
              id={`m-${m.msgid}`}
              style={{ marginLeft: `${Math.min(m.depth, MAX_INDENT) * 0.75}rem` }}
              className="scroll-mt-2 border-l-2 border-zinc-200 pl-2 dark:border-zinc-800"
            >
              <p className="flex flex-wrap gap-x-3 text-xs text-zinc-600 dark:text-zinc-400">
                <span className="font-semibold text-zinc-900 dark:text-zinc-100" title={m.author.email}>
                  {m.author.name || m.author.email}
                </span>
                {m.date ? <time dateTime={m.date.toISOString()}>{exactTime(m.date)}</time> : null}
                <a href={messageHref(m.msgid)} className="hover:underline">
                  message
                </a>
                <span className="break-all">{reasonHere(m.reason, s.headMsgid)}</span>
              </p>
              <MailText body={m.body} />
            </article>
          ))}
        </section>
      ))}
    </section>
  );
}
