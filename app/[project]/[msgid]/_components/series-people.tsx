import { Badge, type BadgeTone } from "@/app/_components/badge";
import { isUnmaintainedStatus } from "@/lib/maintainers/next-best";
import type { SeriesPeople } from "@/lib/maintainers/series-people";
import { isNextBest, type PersonState } from "@/lib/maintainers/who-to-ping";
import { maintainerQueueHref } from "@/lib/routes";
import type { PingPeople } from "@/lib/series/ping-people";

const muted = "text-zinc-600 dark:text-zinc-400";

function statusTone(status: string): BadgeTone {
  if (/^\s*orphan/i.test(status)) return "red";
  return isUnmaintainedStatus(status) ? "orange" : "zinc";
}

function who(p: PersonState): string {
  return p.name ? `${p.name} <${p.email}>` : p.email;
}

function Marks({ p }: { p: PersonState }) {
  return (
    <>
      {p.reviewed ? (
        <Badge
          tone="green"
          label="reviewed"
          explanation="Gave a Reviewed-by or Acked-by for a patch of this series"
        />
      ) : null}
      {p.replied ? (
        <Badge tone="blue" label="replied" explanation="Sent a reply in this series' thread" />
      ) : null}
      {p.ccd ? (
        <Badge
          tone="outline"
          label="Cc'd"
          explanation="The cover letter or a patch was sent to this address"
        />
      ) : (
        <Badge tone="outline" label="not Cc'd" explanation="No mail of the series was sent to this address" />
      )}
    </>
  );
}

function PersonRow({ p }: { p: PersonState }) {
  const nextBest = isNextBest(p);
  return (
    <li className="flex flex-wrap items-baseline gap-x-2 py-1" data-email={p.email} data-role={p.role}>
      <span className="font-medium break-all">{who(p)}</span>
      <span className={muted}>{nextBest ? `${p.role} (next best)` : p.role}</span>
      {p.status ? (
        <Badge tone={statusTone(p.status)} label={p.status} explanation={`S: ${p.status} in MAINTAINERS`} />
      ) : null}
      <Marks p={p} />
      <span className={`${muted} break-words`}>{p.sections.join("; ")}</span>
    </li>
  );
}

/**
 * The maintainers, reviewers and lists of the files the series touches (MAINTAINERS at the
 * branch head of the project's tree), what each did in the thread, and who to ping first.
 */
export function SeriesPeopleSection({
  people,
  fromThread,
}: {
  people: SeriesPeople;
  /** Without MAINTAINERS: the people of the thread (lib/series/ping-people). */
  fromThread: PingPeople | null;
}) {
  const persons = people.people.filter((p) => p.role !== "list");
  const lists = people.people.filter((p) => p.role === "list");
  return (
    <section
      id="people"
      aria-labelledby="people-heading"
      className="space-y-2 rounded border border-zinc-200 p-2 text-sm dark:border-zinc-800"
    >
      <h2 id="people-heading" className="font-semibold">
        Maintainers and who to ping
      </h2>
      {people.source === "none" ? (
        <>
          <p className={muted}>No maintainers to show: {people.note ?? "no MAINTAINERS file in the tree"}.</p>
          {fromThread ? <ThreadPing ping={fromThread} /> : null}
        </>
      ) : (
        <>
          <div aria-label="Who to ping">
            <span className="font-medium">Who to ping: </span>
            {people.toPing.length > 0 ? (
              <span className="break-words">{people.toPing.map(who).join(", ")}</span>
            ) : persons.length > 0 ? (
              <span className={muted}>nobody: every maintainer and reviewer has replied or reviewed.</span>
            ) : (
              <span className={muted}>nobody: no maintainer or reviewer is named for these files.</span>
            )}
            {people.toPing.length > 0 && lists.length > 0 ? (
              <span className={muted}> (Cc {lists.map((l) => l.email).join(", ")})</span>
            ) : null}
          </div>
          <ul aria-label="People responsible" className="divide-y divide-zinc-100 dark:divide-zinc-900">
            {people.people.map((p) => (
              <PersonRow key={p.email} p={p} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Whom to ask when no MAINTAINERS names anyone: who reviewed or answered, and the lists. */
function ThreadPing({ ping }: { ping: PingPeople }) {
  return (
    <div aria-label="Who to ping">
      <span className="font-medium">Who to ping (from the thread): </span>
      {ping.toPing.length > 0 ? (
        <span className="break-words">
          {ping.toPing.map((p, i) => (
            <span key={p.email}>
              {i > 0 ? ", " : null}
              <a href={maintainerQueueHref(p.email)} className="hover:underline">
                {p.name || p.email}
              </a>{" "}
              <span className={muted}>({p.why})</span>
            </span>
          ))}
        </span>
      ) : (
        <span className={muted}>nobody has reviewed or answered yet; ask on the list.</span>
      )}
      {ping.lists.length > 0 ? <span className={muted}> (Cc {ping.lists.join(", ")})</span> : null}
    </div>
  );
}
