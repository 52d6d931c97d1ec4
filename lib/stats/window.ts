import type { StatsWindow } from "./types";

const DAY_MS = 86_400_000;
export const DEFAULT_WEEKS = 52;

/** Monday 00:00 UTC of the week holding `date` (PostgreSQL's date_trunc('week') on a UTC timestamp). */
export function weekStart(date: Date): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS);
}

export function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}

/**
 * The weeks the charts cover: `weeks` whole weeks ending with the week of the latest
 * posting, or of `now` when that is earlier (a clock gone wrong in a mail must not push the
 * window into the future). A project whose list went quiet is shown up to its last series,
 * not as a year of empty weeks.
 */
export function statsWindow(latestPosting: Date | null, now: Date, weeks = DEFAULT_WEEKS): StatsWindow {
  const last = latestPosting && latestPosting < now ? latestPosting : now;
  const end = new Date(weekStart(last).getTime() + 7 * DAY_MS);
  const start = new Date(end.getTime() - weeks * 7 * DAY_MS);
  const weekStarts = Array.from({ length: weeks }, (_, i) => new Date(start.getTime() + i * 7 * DAY_MS));
  const monthStarts: Date[] = [];
  for (let m = monthStart(start); m < end; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)))
    monthStarts.push(m);
  return { start, end, weekStarts, monthStarts };
}
