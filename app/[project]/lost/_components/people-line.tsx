import { maintainerQueueHref } from "@/lib/routes";
import type { PingPeople } from "@/lib/series/ping-people";

/** Whom to ping, each with why, and the lists; addresses are links to their review queues. */
export function PeopleLine({ people }: { people: PingPeople }) {
  return (
    <p className="text-sm text-zinc-700 dark:text-zinc-300">
      <span className="text-zinc-500 dark:text-zinc-400">
        {people.source === "maintainers"
          ? "Ping (MAINTAINERS): "
          : "Ping (from the thread, no MAINTAINERS): "}
      </span>
      {people.toPing.length === 0 ? (
        <span>nobody named: the list</span>
      ) : (
        people.toPing.map((p, i) => (
          <span key={p.email}>
            {i > 0 ? ", " : null}
            <a href={maintainerQueueHref(p.email)} title={p.why} className="hover:underline">
              {p.name || p.email}
            </a>
          </span>
        ))
      )}
      {people.lists.length > 0 ? (
        <span className="text-zinc-500 dark:text-zinc-400"> · lists: {people.lists.join(", ")}</span>
      ) : null}
    </p>
  );
}
