import { z } from "zod";

import { component, described } from "./api-docs";
import { isoDateTime } from "./common";

const count = z.number().int().min(0);
const days = z.number().min(0).nullable();

export const projectStatsSchema = component(
  "ProjectStats",
  "A project's review and merge figures over the weeks of `window` (the charts of /{project}/stats)",
  z.object({
    project: z.string(),
    window: described(
      "whole weeks, Monday 00:00 UTC to Monday, ending with the week of the latest posting (or of now); month figures start at the first whole month",
      z.object({ start: isoDateTime, end: isoDateTime }),
    ),
    lostAfterDays: described("N: a series nobody but its author answered within N days is lost", count),
    response: described(
      "per month of posting (pull requests left out): days to the first reply from someone other than the author (robots left out), and to the first Reviewed-by/Acked-by from someone else; median and 90th percentile over the series that got one",
      z.array(
        z.object({
          month: isoDateTime,
          posted: count,
          answered: count,
          replyMedianDays: days,
          replyP90Days: days,
          reviewed: count,
          reviewMedianDays: days,
          reviewP90Days: days,
        }),
      ),
    ),
    merge: z.object({
      mergedEver: described(
        "series of the project ever merged; 0 until the upstream watcher has merged some",
        count,
      ),
      months: described(
        "per month of merge: days from posting to merge",
        z.array(z.object({ month: isoDateTime, merged: count, medianDays: days, p90Days: days })),
      ),
    }),
    weekly: described(
      "series posted and merged per week (every week of the window)",
      z.array(z.object({ week: isoDateTime, posted: count, merged: count })),
    ),
    lost: described(
      "series lost at the end of each week (the Monday after `week`): current then, posted N days or more before, and not yet answered by anyone but the author",
      z.array(z.object({ week: isoDateTime, lost: count })),
    ),
    areas: z.object({
      source: described(
        "`maintainers`: MAINTAINERS sections of the series' responsible people; `directories`: top-level directories of the touched files (no MAINTAINERS data)",
        z.enum(["maintainers", "directories"]),
      ),
      rows: described(
        "the slowest areas first: days to the first reply, for the series posted in the window (areas with at least 3)",
        z.array(
          z.object({ area: z.string(), series: count, answered: count, medianDays: days, p90Days: days }),
        ),
      ),
    }),
  }),
);
