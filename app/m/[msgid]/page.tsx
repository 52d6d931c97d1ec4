import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { DiffFiles, DiffStatList } from "@/app/_components/diff-files";
import { MailText } from "@/app/_components/mail-text";
import { getServerDb } from "@/lib/db/server-db";
import { messageFileHref, routeMsgid } from "@/lib/routes";
import { loadMessagePage } from "@/lib/views/message-page";

import { MessageHeaders } from "./_components/message-headers";
import { MessageThread } from "./_components/message-thread";
import { MessageWhy } from "./_components/message-why";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ msgid: string }>;
}

/** Metadata and page ask for the same message; one load serves both. */
const load = cache((msgid: string) => loadMessagePage(getServerDb(), msgid));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load(routeMsgid((await params).msgid));
  return view ? { title: view.page.message?.subject || view.page.msgid } : {};
}

/** One message by its Message-ID, like lore's /r/ links: `/m/<id>`, with or without angle brackets. */
export default async function MessagePageView({ params }: Props) {
  const view = await load(routeMsgid((await params).msgid));
  if (!view) notFound();
  const { page, files } = view;
  const m = page.message;
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
              <DiffFiles files={files} idPrefix="diff" srcFor={(file) => messageFileHref(page.msgid, file)} />
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
