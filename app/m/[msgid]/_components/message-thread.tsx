import Link from "next/link";

import type { MessagePage, MessageRef } from "@/lib/db/messages/get-message-page";
import { messageHref } from "@/lib/routes";
import { exactTime } from "@/lib/ui/relative-time";

function Ref({ m }: { m: MessageRef }) {
  return (
    <>
      <Link
        href={messageHref(m.msgid)}
        className="break-words text-sky-700 hover:underline dark:text-sky-400"
      >
        {m.subject || "(no subject)"}
      </Link>{" "}
      <span className="text-zinc-600 dark:text-zinc-400">
        {m.fromName}
        {m.date ? `, ${exactTime(m.date)}` : ""}
      </span>
    </>
  );
}

/** The message it answers and the messages that answer it. */
export function MessageThread({ page }: { page: MessagePage }) {
  if (!page.parent && page.children.length === 0) return null;
  return (
    <section aria-labelledby="thread-heading" className="space-y-1 text-sm">
      <h2 id="thread-heading" className="font-semibold">
        Thread
      </h2>
      {page.parent ? (
        <p>
          in reply to{" "}
          {"missing" in page.parent ? (
            <span className="break-all text-zinc-600 dark:text-zinc-400">
              &lt;{page.parent.msgid}&gt; (not in the archive)
            </span>
          ) : (
            <Ref m={page.parent} />
          )}
        </p>
      ) : null}
      {page.children.length ? (
        <>
          <p>
            {page.children.length} {page.children.length === 1 ? "reply" : "replies"}:
          </p>
          <ul className="list-disc pl-5">
            {page.children.map((c) => (
              <li key={c.msgid}>
                <Ref m={c} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
