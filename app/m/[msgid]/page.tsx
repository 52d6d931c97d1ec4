import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { DiffFiles, DiffStatList } from "@/app/_components/diff-files";
import { MailText } from "@/app/_components/mail-text";
import { getMessagePage } from "@/lib/db/messages/get-message-page";
import { getServerDb } from "@/lib/db/server-db";
import { prepareDiffs } from "@/lib/ui/prepare-diffs";
import { routeMsgid } from "@/lib/ui/route-msgid";

import { MessageHeaders } from "./_components/message-headers";
import { MessageThread } from "./_components/message-thread";
import { MessageWhy } from "./_components/message-why";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ msgid: string }>;
}

const load = cache((msgid: string) => getMessagePage(getServerDb(), msgid));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(routeMsgid((await params).msgid));
  return page ? { title: page.message?.subject || page.msgid } : {};
}

/** One message by its Message-ID, like lore's /r/ links: `/m/<id>`, with or without angle brackets. */
export default async function MessagePageView({ params }: Props) {
  const page = await load(routeMsgid((await params).msgid));
  if (!page) notFound();
  const m = page.message;
  const files = m?.diff ? prepareDiffs([m.diff])[0]! : [];
  const fileSrc = `/m/${encodeURIComponent(page.msgid)}/file`;
  return (
    <article className="space-y-4">
      <h1 className="text-xl font-semibold break-words">
        {m ? m.subject || "(no subject)" : "A message that could not be read"}
      </h1>
      {m ? (
        <MessageHeaders page={{ ...page, message: m }} />
      ) : (
        <p className="text-sm break-all">Message-ID &lt;{page.msgid}&gt;</p>
      )}
      <MessageWhy page={page} />
      <MessageThread page={page} />
      {m ? (
        <section aria-label="Message body" className="space-y-2">
          {m.diff ? (
            <>
              <pre className="font-mono text-[0.8rem] leading-5 break-words whitespace-pre-wrap">
                {(m.commitMessage ?? "").trim()}
              </pre>
              <DiffStatList files={files} idPrefix="diff" />
              <DiffFiles files={files} idPrefix="diff" srcFor={(file) => `${fileSrc}?file=${file}`} />
            </>
          ) : (
            <MailText body={m.body} />
          )}
          {m.pullUrl ? (
            <p className="text-sm">
              pull from <code className="font-mono break-all">{m.pullUrl}</code>
            </p>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
