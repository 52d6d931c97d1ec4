import type { Address, MailKind, MessageHints, ParsedSubject, Trailer } from "../mail/types";

/**
 * What series assembly needs to know about one stored message: the facts lib/mail
 * derived, nothing from the database. `seq` is the order in which Patchwatch stored the
 * message (a stable tie-breaker; delivery order must not change the result otherwise).
 */
export interface SeriesMessage {
  msgid: string;
  seq: number;
  subject: string;
  parsedSubject: ParsedSubject;
  from: Address | null;
  date: Date | null;
  inReplyTo: string | null;
  references: string[];
  kind: MailKind;
  /** `git patch-id --stable` of the diff, when the message carries one. */
  patchId: string | null;
  trailers: Trailer[];
  hints: MessageHints;
}

export interface SeriesTrailer {
  kind: string;
  key: string;
  person: Address | null;
  line: string;
  /** The message the trailer was written in. */
  fromMsgid: string;
  /** Who sent that message. */
  sender: Address | null;
  /**
   * How it reached this patch: written in the patch; in a reply to this patch; in a reply
   * to the cover letter (counts for every patch); `range-reply`: in a reply that said
   * which patches its tags are for ("For patches 1-3:" on the cover letter, "for all
   * patches in the series" on another patch of the series); carried from an earlier
   * revision with the same diff.
   */
  origin: "in-patch" | "reply-to-patch" | "reply-to-cover" | "range-reply" | "carried";
  /** Set when the sender is not the person the trailer names (kept, but flagged). */
  senderMismatch: boolean;
  /** For `carried`: the patch of the earlier revision it came from. */
  carriedFrom: string | null;
}

export interface PlannedPatch {
  index: number;
  msgid: string;
  /** Set when a partial reroll (`[PATCH v5.1 10/12]`) replaced the original patch. */
  replaces: string | null;
  trailers: SeriesTrailer[];
}

/** Why two series were linked as revisions: revision_link.reason (constraint revision_link_reason_check, migration 20261129090000_state_checks). */
export const REVISION_LINK_REASONS = [
  "same-author-and-subject",
  "supersedes",
  "change-id",
  "reply-to-previous",
  "previous-version-link",
] as const;
export type RevisionLinkReason = (typeof REVISION_LINK_REASONS)[number];

export interface RevisionLink {
  /** Head message-id of the older series. */
  older: string;
  newer: string;
  reason: RevisionLinkReason;
  /** A sentence for people: which hint, which message. */
  detail: string;
}

export interface PlannedSeries {
  /** Message-id of the cover letter, or of the first patch when there is none. */
  headMsgid: string;
  coverMsgid: string | null;
  subject: string;
  title: string;
  author: Address | null;
  version: number;
  /** Expected number of patches (N in i/N); 1 for an unnumbered patch; 0 when unknown (cover of a pull request without patches is N). */
  total: number;
  /** Patches present, in index order (1..N; a lone patch has index 1). */
  patches: PlannedPatch[];
  complete: boolean;
  isRfc: boolean;
  isPull: boolean;
  date: Date | null;
  /** Replies to the cover or to any patch of the series. */
  replyMsgids: string[];
  /** Latest date among the series' messages and replies. */
  lastActivity: Date | null;
  /** Head message-ids of series this one depends on (Based-on:, prerequisite-message-id:). */
  basedOn: string[];
  baseCommit: string | null;
  changeId: string | null;
  /** Key that links revisions: normalised author + title. */
  topicKey: string;
  /**
   * The topic this series belongs to (revisions linked by subject, Supersedes, change-id,
   * ...): the head message-id of its lowest-version, earliest series. Set by assembleSeries.
   */
  topic?: string;
  /** Head message-id of the newest revision that obsoletes this one, or null. */
  obsoletedBy: string | null;
  /** Head message-ids of the other revisions of this topic, ordered by version. */
  revisions: string[];
  /** True when every patch has a Reviewed-by or Acked-by from someone other than its author. */
  reviewed: boolean;
}

export type Classification =
  | { msgid: string; role: "cover"; series: string; reason: string }
  | { msgid: string; role: "patch"; series: string; index: number; reason: string }
  | { msgid: string; role: "reply"; series: string | null; target: string | null; reason: string }
  | { msgid: string; role: "not-a-patch"; reason: string }
  | { msgid: string; role: "duplicate"; of: string; reason: string };

/** The result of assembly: what the database should look like for these messages. */
export interface SeriesPlan {
  series: PlannedSeries[];
  revisionLinks: RevisionLink[];
  classifications: Classification[];
}
