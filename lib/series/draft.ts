import type { Member } from "./members";
import type { PlannedSeries, SeriesMessage } from "./types";

/** One patch position of a series being assembled. */
export interface Slot {
  index: number;
  patch: Member;
  /** The patch a partial reroll replaced. */
  replaces: Member | null;
}

/** A reply and the cover letter or patch it counts for (nearest one above it). */
export interface ReplyLink {
  msg: SeriesMessage;
  target: Member;
}

/**
 * A series between the assembly steps: group-patches decides the members, build-series
 * the slots, attach-replies the replies; later steps fill `planned`.
 */
export interface SeriesDraft {
  head: SeriesMessage;
  cover: Member | null;
  slots: Slot[];
  /** Every member message (slot holders, duplicates, replaced patches, the cover). */
  memberIds: string[];
  replies: ReplyLink[];
  planned: PlannedSeries;
}
