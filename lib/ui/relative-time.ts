const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps from the finest to the coarsest; a month is 30 days and a year 365, as a reader rounds. */
const STEPS: { limit: number; size: number; unit: string }[] = [
  { limit: HOUR, size: MINUTE, unit: "min" },
  { limit: DAY, size: HOUR, unit: "hour" },
  { limit: 60 * DAY, size: DAY, unit: "day" },
  { limit: 365 * DAY, size: 30 * DAY, unit: "month" },
  { limit: Infinity, size: 365 * DAY, unit: "year" },
];

/**
 * "3 days ago", "5 min ago", "just now": how long before `now` a date is, in the
 * largest unit that keeps the number readable. A date in the future (a sender's clock
 * ahead of ours) reads "in 2 hours" rather than a negative age.
 */
export function relativeTime(date: Date, now: Date): string {
  const delta = now.getTime() - date.getTime();
  const abs = Math.abs(delta);
  if (abs < MINUTE) return "just now";
  const step = STEPS.find((s) => abs < s.limit) ?? STEPS[STEPS.length - 1]!;
  const n = Math.floor(abs / step.size);
  const unit = n === 1 || step.unit === "min" ? step.unit : `${step.unit}s`;
  return delta >= 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
}

/** The exact time for a tooltip: "2026-03-09 17:20 UTC" (mail dates are kept in UTC). */
export function exactTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
