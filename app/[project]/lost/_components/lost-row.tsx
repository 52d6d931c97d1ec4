import { LostBadge } from "@/app/_components/lost-badge";
import { RelativeDate } from "@/app/_components/relative-date";
import type { LostRow } from "@/lib/flows/lost/list-lost";
import { seriesHref } from "@/lib/routes";

import { PeopleLine } from "./people-line";

const REASON: Record<LostRow["verdict"]["reason"], string> = {
  "no-reply": "no answer",
  "reviewed-not-merged": "reviewed, not merged",
  "changes-requested": "changes requested, no answer",
};

/** One lost series: why and since when, whom to ping, and the ping itself (a mailto link and its text). */
export function LostSeriesRow({ row, now }: { row: LostRow; now: Date }) {
  const v = row.verdict;
  return (
    <li data-lost-row className="border-b border-zinc-200 py-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <a href={seriesHref(row.project, row.headMsgid)} className="font-medium hover:underline">
          {row.title || "(no subject)"}
        </a>
        <LostBadge lost={{ reason: v.reason, days: v.days }} />
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          v{row.version} · {row.received}/{row.total} · {row.author.name || row.author.email} · posted{" "}
          <RelativeDate date={row.date} now={now} />
        </span>
      </div>
      <p className="text-sm">
        <strong>{REASON[v.reason]}</strong> for {v.days} days; lost since{" "}
        <RelativeDate date={v.since} now={now} />. Waits for {v.waitsFor}.
      </p>
      <PeopleLine people={row.people} />
      <details className="text-sm">
        <summary className="cursor-pointer">
          <a href={row.ping.mailto} className="text-sky-700 hover:underline dark:text-sky-400">
            Send a ping
          </a>{" "}
          <span className="text-zinc-500 dark:text-zinc-400">(show the mail)</span>
        </summary>
        <pre className="mt-1 overflow-x-auto rounded bg-zinc-50 p-2 text-xs whitespace-pre-wrap dark:bg-zinc-900">
          {`To: ${row.ping.to.join(", ")}\nCc: ${row.ping.cc.join(", ")}\nSubject: ${row.ping.subject}\nIn-Reply-To: <${row.ping.inReplyTo}>\n\n${row.ping.body}`}
        </pre>
      </details>
    </li>
  );
}
