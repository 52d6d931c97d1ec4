import { isPlausibleEmail } from "../mail/addresses";
import { splitScopeSuffix } from "../mail/trailer-range";
import { parseTrailerLine } from "../mail/trailers";

/** A trailer that counts for a patch, as series assembly collected it (lib/series/trailers.ts). */
export interface CollectedTrailer {
  /** The tag as written: `Reviewed-by`. */
  kind: string;
  /** Lower-case: `reviewed-by`. */
  key: string;
  /** The line as written. */
  line: string;
  /** The person it names ("" when none). */
  name: string;
  email: string;
  origin: "in-patch" | "reply-to-patch" | "reply-to-cover" | "range-reply" | "carried";
  /** Who sent the mail it was written in (the author the list's From rewriting hid, when it did). */
  sender: { name: string; email: string };
}

/**
 * b4 0.12 (`b4 am -t`, trailer-order `*`) appends, after the trailers already in the
 * patch: those from replies to the patch, then those carried from an earlier revision of
 * an unchanged patch, then those from replies to the cover letter (-t). Within a group
 * they keep the order they were sent in. A tag a reviewer said is for other patches
 * ("for the whole series") goes with the cover letter's, where b4 would put the same
 * tag sent to the cover.
 */
const GROUP: Record<CollectedTrailer["origin"], number> = {
  "in-patch": 0,
  "reply-to-patch": 1,
  carried: 2,
  "range-reply": 3,
  "reply-to-cover": 3,
};

/**
 * Who may give a tag: b4 takes a tag from a reply only when it names the reply's sender,
 * by address or by exact name (b4 `get_trailers`, without -S), so nobody can put
 * "Reviewed-by: <a maintainer>" into a commit by writing it in a mail. Patchwatch checks
 * the sender the list's DMARC rewriting hid (lib/mail/unmunge-from.ts), which b4 does not.
 */
function givenBySender(t: CollectedTrailer): boolean {
  if (!isPlausibleEmail(t.email)) return false;
  if (t.email.toLowerCase() === t.sender.email.toLowerCase()) return true;
  const name = t.name.trim().toLowerCase();
  return name !== "" && name === t.sender.name.trim().toLowerCase();
}

/** Credit tags only: a Signed-off-by in a reply is a maintainer saying "applied", never a review. */
function isCredit(key: string): boolean {
  return key.endsWith("-by") && key !== "signed-off-by";
}

/** `Kind: value`, without a scope the reviewer wrote after it ("… for the whole series") and without control characters. */
export function trailerText(t: CollectedTrailer): string {
  const parsed = parseTrailerLine(t.line);
  const value = parsed ? (splitScopeSuffix(parsed.value)?.value ?? parsed.value) : `${t.name} <${t.email}>`;
  const text = `${parsed?.kind ?? t.kind}: ${value}`;
  return /[\x00-\x1f\x7f]/.test(text) ? text.replace(/\s*[\x00-\x1f\x7f]+\s*/g, " ").trim() : text;
}

function identity(key: string, email: string | undefined, text: string): string {
  return `${key}\u0000${email ? email.toLowerCase() : text.toLowerCase()}`;
}

/**
 * The lines to add to a patch's commit message, in b4's order, leaving out what the
 * message's trailer block (`block`) already says and repeats of one tag by one person.
 */
export function trailersToAdd(trailers: readonly CollectedTrailer[], block: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const line of block) {
    const t = parseTrailerLine(line);
    if (t) seen.add(identity(t.key, t.person?.email, t.line));
  }
  // Tags of the patch itself may stand outside the last paragraph; they are in the message already.
  for (const t of trailers) if (t.origin === "in-patch") seen.add(identity(t.key, t.email, trailerText(t)));
  const chosen = trailers
    .filter((t) => t.origin !== "in-patch" && isCredit(t.key) && givenBySender(t))
    .map((t, order) => ({ t, order }))
    .sort((a, b) => GROUP[a.t.origin] - GROUP[b.t.origin] || a.order - b.order);
  const out: string[] = [];
  for (const { t } of chosen) {
    const text = trailerText(t);
    const id = identity(t.key, t.email, text);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(text);
  }
  return out;
}
