import type { LostReason } from "../series/lost";
import { headerText, replySubject } from "./reply-headers";

/**
 * A ready-to-send ping for a lost series: a reply to its thread (RFC 5322 In-Reply-To, the
 * cover letter or the single patch), to the people who should answer, with the author and
 * the lists on Cc, and a short polite text. Returned as fields and as a `mailto:` URL
 * (RFC 6068). Subjects, names and addresses come from mail and are hostile: line breaks are
 * dropped from header fields and everything in the URL is percent-encoded, so nothing can
 * add a header or a recipient.
 */

export interface PingInput {
  reason: LostReason;
  /** The subject of the message replied to, as sent (`[PATCH v2 0/3] …`). */
  subject: string;
  /** The series' title without prefixes, to name it in the text. */
  title: string;
  version: number;
  total: number;
  /** The cover letter, or the patch of a single-patch series. */
  inReplyTo: string;
  author: { name: string; email: string };
  posted: Date | null;
  /** Whole days it has waited (LostVerdict.days). */
  days: number;
  waitsFor: string;
  /** Who should answer, most relevant first (addresses; already without the author). */
  to: string[];
  lists: string[];
  /** The reviewer whose comments wait for an answer (changes-requested). */
  requestedBy?: { name: string; email: string; date: Date };
  /** Where the series can be read, for the text. */
  url?: string;
}

export interface Ping {
  to: string[];
  cc: string[];
  subject: string;
  inReplyTo: string;
  body: string;
  mailto: string;
}

/** A plausible single address (no spaces, brackets, commas or controls), lower-cased; else null. */
export function cleanAddress(address: string): string | null {
  const a = address.trim().toLowerCase();
  return /^[^\s<>(),;:"\\@\u0000-\u001f]+@[^\s<>(),;:"\\@\u0000-\u001f]+$/.test(a) ? a : null;
}

function uniqueAddresses(list: string[], exclude: Set<string>): string[] {
  const out: string[] = [];
  for (const raw of list) {
    const a = cleanAddress(raw);
    if (a && !exclude.has(a)) {
      exclude.add(a);
      out.push(a);
    }
  }
  return out;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function pingText(input: PingInput, greeting: string): string {
  const name = `"${headerText(input.title) || "(no subject)"}"`;
  const what =
    input.total > 1 ? `series ${name} (v${input.version}, ${input.total} patches)` : `patch ${name}`;
  const by = headerText(input.author.name) || input.author.email;
  const posted = input.posted ? ` on ${isoDay(input.posted)}` : "";
  const lines = [greeting, ""];
  if (input.reason === "changes-requested" && input.requestedBy) {
    const who = headerText(input.requestedBy.name) || input.requestedBy.email;
    lines.push(
      `${who} commented on the ${what} on ${isoDay(input.requestedBy.date)}, ${plural(input.days, "day")} ago, and the thread has been quiet since.`,
      "Is a new revision coming, or should the series be considered dropped?",
    );
  } else if (input.reason === "reviewed-not-merged") {
    lines.push(
      `The ${what}, sent by ${by}${posted}, has had a review on every patch for ${plural(input.days, "day")} and is not merged yet.`,
      "Could it be picked up, or is something still missing?",
    );
  } else {
    lines.push(
      `The ${what}, sent by ${by}${posted}, has had no answer for ${plural(input.days, "day")}.`,
      "Could someone have a look when time allows, or say who else should?",
    );
  }
  if (input.url) lines.push("", headerText(input.url));
  lines.push("", "Thanks!");
  return lines.join("\n");
}

/** RFC 6068: each address encoded on its own, `@` kept readable; commas separate them. */
function encodeAddresses(addresses: string[]): string {
  return addresses.map((a) => encodeURIComponent(a).replace(/%40/g, "@")).join(",");
}

/** A `mailto:` URL with To in the path and Cc, Subject, In-Reply-To and body as hfields. */
export function mailtoUrl(ping: Omit<Ping, "mailto">): string {
  const fields: [string, string][] = [];
  if (ping.cc.length > 0) fields.push(["cc", encodeAddresses(ping.cc)]);
  fields.push(["subject", encodeURIComponent(ping.subject)]);
  fields.push(["in-reply-to", encodeURIComponent(`<${ping.inReplyTo}>`)]);
  // RFC 6068 §5: line breaks in a body are written %0D%0A.
  fields.push(["body", encodeURIComponent(ping.body.replace(/\r?\n/g, "\r\n"))]);
  return `mailto:${encodeAddresses(ping.to)}?${fields.map(([k, v]) => `${k}=${v}`).join("&")}`;
}

/**
 * The ping for a lost series. A request for changes is the author's to answer: the author
 * goes in To and the reviewer on Cc. Otherwise the people to ping are in To and the author
 * on Cc; with nobody to name, the lists are the To.
 */
export function composePing(input: PingInput): Ping {
  const author = cleanAddress(input.author.email);
  const seen = new Set<string>();
  let to: string[];
  let cc: string[];
  if (input.reason === "changes-requested" && author) {
    to = uniqueAddresses([author], seen);
    cc = uniqueAddresses([input.requestedBy?.email ?? "", ...input.to, ...input.lists], seen);
  } else {
    if (author) seen.add(author);
    to = uniqueAddresses(input.to, seen);
    const lists = uniqueAddresses(input.lists, seen);
    if (to.length === 0) {
      to = lists;
      cc = author ? [author] : [];
    } else {
      cc = [...(author ? [author] : []), ...lists];
    }
  }
  const greeting =
    input.reason === "changes-requested" ? `Hello ${headerText(input.author.name) || "there"},` : "Hello,";
  const fields = {
    to,
    cc,
    subject: replySubject(input.subject),
    inReplyTo: headerText(input.inReplyTo).replace(/[<>\s]/g, ""),
    body: pingText(input, greeting),
  };
  return { ...fields, mailto: mailtoUrl(fields) };
}
