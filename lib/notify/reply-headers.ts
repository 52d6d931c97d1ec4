import type { RobotMailDraft, RobotSettings, SeriesFacts, ThreadHead } from "./types";

/** References kept in a reply: the thread's root and its nearest ancestors are what clients use. */
const MAX_REFERENCES = 20;
/** Maintainers on Cc, at most: a tree-wide series touches many sections. */
const MAX_MAINTAINERS_CC = 10;
const MAX_SUBJECT_CHARS = 400;

/** Header text from a mail: line breaks, tabs and control characters become single spaces. */
export function headerText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** `Re: <subject>`, never `Re: Re:` (RFC 5322 §3.6.5: one "Re: " for a reply). */
export function replySubject(subject: string): string {
  let s = headerText(subject);
  for (;;) {
    const stripped = s.replace(/^re\s*(\[\d+\])?\s*:\s*/i, "");
    if (stripped === s) break;
    s = stripped;
  }
  if (s.length > MAX_SUBJECT_CHARS) s = `${s.slice(0, MAX_SUBJECT_CHARS)}…`;
  return `Re: ${s}`;
}

/** A Message-ID that can go into a header as `<id>`: printable ASCII, no brackets or spaces. */
export function headerSafeMsgid(id: string): boolean {
  return /^[\x21-\x3b\x3d\x3f-\x7e]{1,998}$/.test(id);
}

/**
 * In-Reply-To the thread head, References its own References plus itself (RFC 5322
 * §3.6.4), the oldest (the thread's root) kept when the chain is long.
 */
export function threadingFor(head: ThreadHead): { inReplyTo: string; references: string[] } | null {
  if (!headerSafeMsgid(head.msgid)) return null;
  const chain = [...head.references.filter(headerSafeMsgid), head.msgid];
  const unique = [...new Set(chain)];
  const references =
    unique.length > MAX_REFERENCES
      ? [unique[0]!, ...unique.slice(unique.length - (MAX_REFERENCES - 1))]
      : unique;
  return { inReplyTo: head.msgid, references };
}

const ADDRESS = /^[^\s<>()[\]\\,;:"@]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** An address we may write to: one plain `local@domain`, nothing a header could be bent with. */
export function usableAddress(address: string): string | null {
  const a = address.trim().toLowerCase();
  return a.length <= 254 && ADDRESS.test(a) ? a : null;
}

/**
 * To the author; Cc the lists the series went to (the project's lists among its recipients,
 * else all of the project's lists) and the maintainers of the touched files. Nobody twice,
 * never the robot itself.
 */
export function recipientsFor(
  series: Pick<SeriesFacts, "author" | "head">,
  robot: Pick<RobotSettings, "from" | "lists" | "ccLists" | "maintainers">,
): { to: string[]; cc: string[] } {
  const self = usableAddress(robot.from.address);
  const author = usableAddress(series.author.email);
  const to = author && author !== self ? [author] : [];
  const seen = new Set<string>([...to, ...(self ? [self] : [])]);
  const cc: string[] = [];
  const add = (address: string) => {
    const a = usableAddress(address);
    if (a && !seen.has(a)) {
      seen.add(a);
      cc.push(a);
    }
  };
  if (robot.ccLists) {
    const sentTo = new Set(series.head.recipients.map((r) => r.toLowerCase()));
    const lists = robot.lists.filter((l) => sentTo.has(l.toLowerCase()));
    for (const list of lists.length ? lists : robot.lists) add(list);
  }
  for (const m of robot.maintainers.slice(0, MAX_MAINTAINERS_CC)) add(m.email);
  return { to, cc };
}

/** The robot's reply to a series: threaded to its head, to its author, Cc as configured. */
export function seriesReply(
  series: SeriesFacts,
  robot: RobotSettings,
  mail: { kind: RobotMailDraft["kind"]; dedupeKey: string; body: string[] },
): RobotMailDraft {
  return {
    kind: mail.kind,
    dedupeKey: mail.dedupeKey,
    projectId: series.projectId,
    seriesId: series.seriesId,
    from: robot.from,
    ...recipientsFor(series, robot),
    subject: replySubject(series.head.subject),
    ...(threadingFor(series.head) ?? {}),
    text: `${mail.body.join("\n")}\n`,
  };
}
