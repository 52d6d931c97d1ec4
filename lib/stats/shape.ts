import type { LostWeek, MergeMonth, ResponseMonth, WeekCounts } from "../db/stats/types";
import type { ProjectStats } from "./types";

/**
 * The rows SQL returns hold only the months and weeks that had something; the charts
 * need every one of the window, in order. Pure: the window says which.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function monthLabel(month: Date): string {
  return `${MONTHS[month.getUTCMonth()]} ${String(month.getUTCFullYear()).slice(2)}`;
}

export function weekLabel(week: Date): string {
  return `${week.getUTCDate()} ${MONTHS[week.getUTCMonth()]}`;
}

/** One entry per slot: the row whose date is that slot, or `empty(slot)`. */
export function fillSlots<T>(
  slots: readonly Date[],
  rows: readonly T[],
  dateOf: (row: T) => Date,
  empty: (slot: Date) => T,
): T[] {
  const byTime = new Map(rows.map((row) => [dateOf(row).getTime(), row]));
  return slots.map((slot) => byTime.get(slot.getTime()) ?? empty(slot));
}

export function responseByMonth(stats: ProjectStats): ResponseMonth[] {
  return fillSlots(
    stats.window.monthStarts,
    stats.response,
    (r) => r.month,
    (month) => ({
      month,
      posted: 0,
      answered: 0,
      replyMedianDays: null,
      replyP90Days: null,
      reviewed: 0,
      reviewMedianDays: null,
      reviewP90Days: null,
    }),
  );
}

export function mergeByMonth(stats: ProjectStats): MergeMonth[] {
  return fillSlots(
    stats.window.monthStarts,
    stats.merge.months,
    (r) => r.month,
    (month) => ({
      month,
      merged: 0,
      medianDays: null,
      p90Days: null,
    }),
  );
}

export function countsByWeek(stats: ProjectStats): WeekCounts[] {
  return fillSlots(
    stats.window.weekStarts,
    stats.weekly,
    (r) => r.week,
    (week) => ({ week, posted: 0, merged: 0 }),
  );
}

export function lostByWeek(stats: ProjectStats): LostWeek[] {
  return fillSlots(
    stats.window.weekStarts,
    stats.lost,
    (r) => r.week,
    (week) => ({ week, lost: 0 }),
  );
}

/** Sums and a few headline figures the page prints above the charts. */
export function headline(stats: ProjectStats): {
  posted: number;
  answered: number;
  reviewed: number;
  merged: number;
  lostNow: number | null;
} {
  const sum = <T>(rows: readonly T[], f: (row: T) => number) => rows.reduce((n, row) => n + f(row), 0);
  return {
    posted: sum(stats.weekly, (w) => w.posted),
    answered: sum(stats.response, (r) => r.answered),
    reviewed: sum(stats.response, (r) => r.reviewed),
    merged: sum(stats.weekly, (w) => w.merged),
    lostNow: lostByWeek(stats).at(-1)?.lost ?? null,
  };
}
