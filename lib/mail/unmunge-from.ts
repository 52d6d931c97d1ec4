import type { Address } from "./types";

/**
 * Mailing lists that protect DMARC rewrite From to the list's own address and move the
 * author to Reply-To: `From: Jane Doe via ltp <ltp@lists.linux.it>`, `Reply-To: Jane Doe
 * <jane@example.com>` (Mailman's dmarc_moderation_action "Munge From"). 825 of 2,395
 * mails on the LTP list are written so. Authorship, review checks and revision links all
 * need the real author, so take it back from X-Original-From or Reply-To.
 */
const VIA = /^(.*?)\s+via\s+(\S+)$/i;

export interface Unmunged {
  from: Address | null;
  /** Set when the author was taken back from another header. */
  note: string | null;
}

export function unmungeFrom(
  from: Address | null,
  replyTo: Address[],
  originalFrom: Address | null,
): Unmunged {
  if (!from) return { from, note: null };
  const via = VIA.exec(from.name);
  if (!via) return { from, note: null };
  if (originalFrom?.email) {
    return {
      from: { name: originalFrom.name || via[1]!, email: originalFrom.email },
      note: `From was rewritten by the list (${from.email}); author taken from X-Original-From`,
    };
  }
  if (replyTo.length === 1 && replyTo[0]!.email && replyTo[0]!.email !== from.email) {
    return {
      from: { name: replyTo[0]!.name || via[1]!, email: replyTo[0]!.email },
      note: `From was rewritten by the list (${from.email}); author taken from Reply-To`,
    };
  }
  return { from, note: null };
}
