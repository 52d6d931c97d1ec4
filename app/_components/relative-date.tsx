import { exactTime, relativeTime } from "@/lib/ui/relative-time";

/** "3 days ago", with the exact time on hover and for machines. */
export function RelativeDate({ date, now }: { date: Date | null; now: Date }) {
  if (!date) {
    return (
      <span title="no date">
        <span aria-hidden="true">—</span>
        <span className="sr-only">unknown</span>
      </span>
    );
  }
  return (
    <time dateTime={date.toISOString()} title={exactTime(date)}>
      {relativeTime(date, now)}
    </time>
  );
}
