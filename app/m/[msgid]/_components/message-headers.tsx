import Link from "next/link";

import type { MessagePage } from "@/lib/db/messages/get-message-page";
import { messageHref } from "@/lib/routes";
import { exactTime } from "@/lib/ui/relative-time";

const who = (a: { name: string; email: string }) => (a.name ? `${a.name} <${a.email}>` : a.email);

/** The headers a reader looks at, as text. */
export function MessageHeaders({
  page,
}: {
  page: MessagePage & { message: NonNullable<MessagePage["message"]> };
}) {
  const m = page.message;
  const rows: [string, React.ReactNode][] = [
    ["From", who(m.from)],
    ["To", m.to.map(who).join(", ")],
    ["Cc", m.cc.map(who).join(", ")],
    ["Date", m.date ? <time dateTime={m.date.toISOString()}>{exactTime(m.date)}</time> : "no date"],
    [
      "Message-ID",
      <>
        &lt;{page.msgid}&gt;{m.msgidSynthesized ? " (derived: the mail had none)" : ""}
      </>,
    ],
    [
      "In-Reply-To",
      m.inReplyTo ? (
        <Link href={messageHref(m.inReplyTo)} className="text-sky-700 hover:underline dark:text-sky-400">
          &lt;{m.inReplyTo}&gt;
        </Link>
      ) : (
        ""
      ),
    ],
    ["List-Id", m.listId ?? ""],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
      {rows
        .filter(([, value]) => value !== "")
        .map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{name}</dt>
            <dd className="min-w-0 break-words">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
