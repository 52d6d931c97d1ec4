/** The rows lib/db/stats reads for a project's stats page and API. */

/** Days from posting to a first answer, for the series posted in one month. */
export interface ResponseMonth {
  month: Date;
  posted: number;
  /** Series some other person replied to (robots left out). */
  answered: number;
  replyMedianDays: number | null;
  replyP90Days: number | null;
  /** Series that got a Reviewed-by or Acked-by from someone other than the author. */
  reviewed: number;
  reviewMedianDays: number | null;
  reviewP90Days: number | null;
}

/** Days from posting to merge, for the series merged in one month. */
export interface MergeMonth {
  month: Date;
  merged: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface WeekCounts {
  week: Date;
  posted: number;
  merged: number;
}

/** How many current series were lost at the end of a week (the Monday after it). */
export interface LostWeek {
  week: Date;
  lost: number;
}

/** An area (a MAINTAINERS section, or a top-level directory) and how fast its series got a first reply. */
export interface AreaResponse {
  area: string;
  series: number;
  answered: number;
  medianDays: number | null;
  p90Days: number | null;
}

export type AreaSource = "maintainers" | "directories";
