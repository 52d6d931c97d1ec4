/** The figures of a project's stats page and API, as lib/db/stats reads them. */

import type {
  AreaResponse,
  AreaSource,
  LostWeek,
  MergeMonth,
  ResponseMonth,
  WeekCounts,
} from "../db/stats/types";

/** The weeks (Monday 00:00 UTC to the next Monday) the charts cover, oldest first. */
export interface StatsWindow {
  start: Date;
  /** Exclusive: the Monday after the last week shown. */
  end: Date;
  weekStarts: Date[];
  monthStarts: Date[];
}

export interface ProjectStats {
  project: string;
  window: StatsWindow;
  lostAfterDays: number;
  response: ResponseMonth[];
  merge: { mergedEver: number; months: MergeMonth[] };
  weekly: WeekCounts[];
  lost: LostWeek[];
  areas: { source: AreaSource; rows: AreaResponse[] };
}
