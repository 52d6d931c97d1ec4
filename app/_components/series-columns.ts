/**
 * The grid of the series list, shared by its header and its rows: one line per series
 * from `sm` up; below that each row stacks (title, then the facts on a second line).
 */
export const SERIES_COLUMNS =
  "sm:grid-cols-[minmax(0,1fr)_9rem_2.25rem_3.25rem_3rem_7rem_7rem] sm:gap-x-3 sm:items-baseline";
